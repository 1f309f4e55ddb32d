import type { Metadata } from 'next';
import { SiteHeader } from '../_components/site-header';
import { SignInForm } from './signin-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  // Only same-site paths: an open redirect would let a link send people elsewhere after sign-in.
  const safeCallback = callbackUrl?.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/';
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-sm px-4 py-12">
        <h1 className="mb-6 text-2xl font-bold tracking-tight">Sign in</h1>
        <SignInForm callbackUrl={safeCallback} initialError={error ? 'That email and password do not match an account.' : null} />
        <p className="mt-6 rounded-lg bg-neutral-100 p-3 text-sm text-neutral-700">
          Demo accounts: <code>viewer@demo.live</code>, <code>host@demo.live</code>, <code>brand@demo.live</code> — password <code>demo-password</code>.
        </p>
      </main>
    </>
  );
}
