import type { Metadata } from 'next';
import { safeCallbackUrl } from '@/app/_lib/safe-callback';
import { SiteHeader } from '../_components/site-header';
import { SignUpForm } from './signup-form';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-sm px-4 py-12">
        <h1 className="mb-2 text-2xl font-bold tracking-tight">Create an account</h1>
        <p className="mb-6 text-neutral-600">Watch, chat and buy in one tap during live shows.</p>
        <SignUpForm callbackUrl={safeCallbackUrl(callbackUrl)} />
      </main>
    </>
  );
}
