import type { Metadata } from 'next';
import { safeCallbackUrl } from '@/app/_lib/safe-callback';
import { SiteHeader } from '../../_components/site-header';
import { UseLinkButton } from './use-link-button';

export const metadata: Metadata = { title: 'Sign in with your link' };

// Opening the link changes nothing: mail scanners fetch links too. The button spends it.
export default async function SignInLinkPage({ searchParams }: { searchParams: Promise<{ token?: string; callbackUrl?: string }> }) {
  const { token, callbackUrl } = await searchParams;
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-sm px-4 py-12 text-center">
        <h1 className="mb-4 text-2xl font-bold tracking-tight">Sign in</h1>
        {token ? <UseLinkButton token={token} callbackUrl={safeCallbackUrl(callbackUrl)} /> : <p role="alert">This link is incomplete. Ask for a new one on the sign-in page.</p>}
      </main>
    </>
  );
}
