import type { Metadata } from 'next';
import Link from 'next/link';
import { safeCallbackUrl } from '@/app/_lib/safe-callback';
import { oauthProviders } from '@/server/auth/options';
import { services } from '@/server/services';
import { SiteHeader } from '../_components/site-header';
import { EmailLinkForm } from './email-link-form';
import { OAuthButtons } from './oauth-buttons';
import { SignInForm } from './signin-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const safeCallback = safeCallbackUrl(callbackUrl);
  const providers = oauthProviders(services().env).map((p) => ({ id: p.id, name: p.name }));
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-sm space-y-8 px-4 py-12">
        <div>
          <h1 className="mb-6 text-2xl font-bold tracking-tight">Sign in</h1>
          <SignInForm callbackUrl={safeCallback} initialError={error ? 'That email and password do not match an account.' : null} />
        </div>
        <OAuthButtons providers={providers} callbackUrl={safeCallback} />
        <EmailLinkForm callbackUrl={safeCallback} />
        <p className="text-center text-sm text-neutral-600">
          New here?{' '}
          <Link href={`/signup?callbackUrl=${encodeURIComponent(safeCallback)}`} className="font-semibold text-brand-700 underline">
            Create an account
          </Link>
        </p>
        <p className="rounded-lg bg-neutral-100 p-3 text-sm text-neutral-700">
          Demo accounts: <code>viewer@demo.live</code>, <code>host@demo.live</code>, <code>brand@demo.live</code> — password <code>demo-password</code>.
        </p>
      </main>
    </>
  );
}
