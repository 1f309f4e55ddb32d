import type { Metadata } from 'next';
import { safeCallbackUrl } from '@/app/_lib/safe-callback';
import { SiteHeader } from '../../_components/site-header';
import { UseLinkButton } from './use-link-button';
import { getI18n } from '@/app/_i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('auth.link.title') };
}

// Opening the link changes nothing: mail scanners fetch links too. The button spends it.
export default async function SignInLinkPage({ searchParams }: { searchParams: Promise<{ token?: string; callbackUrl?: string }> }) {
  const { token, callbackUrl } = await searchParams;
  const { t } = await getI18n();
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-sm px-4 py-12 text-center">
        <h1 className="mb-4 text-2xl font-bold tracking-tight">{t('auth.link.title')}</h1>
        {token ? (
          <UseLinkButton token={token} callbackUrl={safeCallbackUrl(callbackUrl)} />
        ) : (
          <p role="alert">{t('auth.link.incomplete')}</p>
        )}
      </main>
    </>
  );
}
