import type { ComponentType, ReactNode } from 'react';

type AnchorProps = { href: string; className?: string; children?: ReactNode };

/**
 * How a server-rendered part links: next/link on most pages, a plain anchor on the show page, whose first load
 * must not carry the client router's link code (about 3 kB gzipped) and whose startup must have the server to
 * itself (next/link prefetches the pages it links to).
 */
export type Anchor = ComponentType<AnchorProps>;

export function PlainAnchor(props: AnchorProps) {
  return <a {...props} />;
}
