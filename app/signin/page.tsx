import type { Metadata } from 'next';
import Link from 'next/link';
import { safeCallbackUrl } from '@/app/_lib/safe-callback';
import { oauthProviders } from '@/server/auth/options';
import { services } from '@/server/services';
import { SiteHeader } from '../_components/site-header';
import { secondaryButtonClass } from '../_components/ui';
import { EmailLinkForm } from './email-link-form';
import { OAuthButtons } from './oauth-buttons';
import { SignInForm } from './signin-form';
import { rich } from '@/app/_i18n/rich';
import { getI18n } from '@/app/_i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('auth.signIn.title') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const safeCallback = safeCallbackUrl(callbackUrl);
  const providers = oauthProviders(services().env).map((p) => ({ id: p.id, name: p.name }));
  const { t } = await getI18n();
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-sm space-y-8 px-4 py-12">
        <div>
          <h1 className="mb-6 text-2xl font-bold tracking-tight">{t('auth.signIn.title')}</h1>
          <SignInForm callbackUrl={safeCallback} initialError={Boolean(error)} />
        </div>
        <OAuthButtons providers={providers} callbackUrl={safeCallback} />
        <EmailLinkForm callbackUrl={safeCallback} />
        {/* Someone sent here to buy is more often new than returning: creating an account is a full button, not a footnote. */}
        <div className="space-y-2 text-center">
          <p className="text-sm text-neutral-600">{t('auth.signIn.newHere')}</p>
          <Link href={`/signup?callbackUrl=${encodeURIComponent(safeCallback)}`} className={`${secondaryButtonClass} w-full`}>
            {t('auth.signIn.createAccount')}
          </Link>
        </div>
        <p className="rounded-lg bg-neutral-100 p-3 text-sm text-neutral-700">
          {rich(t('auth.signIn.demo'), {
            accounts: (
              <>
                <code>viewer@demo.live</code>, <code>host@demo.live</code>, <code>brand@demo.live</code>
              </>
            ),
            password: <code>demo-password</code>,
          })}
        </p>
      </main>
    </>
  );
}
