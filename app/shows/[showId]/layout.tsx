import type { ReactNode } from 'react';
import { BOOT_WATCH_JS } from './boot-watch';
import { preparedBoot } from './show-gate';

/**
 * A live show's prepared watch and the boot script that connects it (boot-watch.ts), rendered here, above the
 * page's loading boundary: they come first in the body of the HTML's first flush, so the parser runs the script
 * as soon as the document starts, not after the page's streamed content (the end of the document), which it
 * reached only as Next's chunks finished running, near DOMContentLoaded. An inline async module with the page's
 * nonce: it waits neither for the stylesheet (a classic inline script would) nor for a request of its own. The
 * JSON is data, never run, so it needs no nonce.
 */
export default async function ShowLayout({ children, params }: { children: ReactNode; params: Promise<{ showId: string }> }) {
  const boot = await preparedBoot((await params).showId);
  return (
    <>
      {boot && (
        <>
          <script id="lc-boot" type="application/json" dangerouslySetInnerHTML={{ __html: boot.data }} />
          <script type="module" async nonce={boot.nonce} dangerouslySetInnerHTML={{ __html: BOOT_WATCH_JS }} />
        </>
      )}
      {children}
    </>
  );
}
