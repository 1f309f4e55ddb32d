import type { Metadata } from 'next';
import { safeCallbackUrl } from '@/app/_lib/safe-callback';
import { SiteHeader } from '../_components/site-header';
import { SignUpForm } from './signup-form';
import { getI18n } from '@/app/_i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('auth.signUp.title') };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const { t } = await getI18n();
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-sm px-4 py-12">
        <h1 className="mb-2 text-2xl font-bold tracking-tight">{t('auth.signUp.title')}</h1>
        <p className="mb-6 text-neutral-600">{t('auth.signUp.intro')}</p>
        <SignUpForm callbackUrl={safeCallbackUrl(callbackUrl)} />
      </main>
    </>
  );
}
