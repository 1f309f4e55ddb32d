import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { getAccountProfile } from '@/server/domain/accounts';
import { DATA_EXPORT_THROTTLE } from '@/server/domain/privacy';
import { services } from '@/server/services';
import { SignOutButton } from '../_components/sign-out-button';
import { SiteHeader } from '../_components/site-header';
import { PageHeading } from '../_components/ui';
import { DeleteAccountForm, InfluencerForm, NameForm, PasswordForm } from './account-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('account.page.title') };
}

// What deleting does (server/domain/privacy/erase.ts), stated before anyone confirms.
const DELETION_EFFECTS = ['signIn', 'personalData', 'orders', 'chat'] as const;

function Section({ id, title, description, children }: { id: string; title: string; description?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4 rounded-2xl border border-neutral-200 bg-white p-5">
      <div>
        <h2 id={id} className="text-lg font-bold">
          {title}
        </h2>
        {description && <p className="text-sm text-neutral-600">{description}</p>}
      </div>
      {children}
    </section>
  );
}

export default async function AccountPage() {
  const user = await requirePageUser('/account');
  const profile = await getAccountProfile(services().db, { userId: user.id, name: user.name });
  const { t } = await getI18n();
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-2xl space-y-6 px-4 py-8">
        <PageHeading
          title={t('account.page.title')}
          description={profile.email}
          actions={
            <>
              <Link href="/account/orders" className="self-center text-sm font-semibold text-brand-700 underline">
                {t('orders.links.yourOrders')}
              </Link>
              <Link href="/account/wallet" className="self-center text-sm font-semibold text-brand-700 underline">
                {t('orders.links.wallet')}
              </Link>
              <Link href="/account/notifications" className="self-center text-sm font-semibold text-brand-700 underline">
                {t('account.page.notificationSettings')}
              </Link>
              {/* The header shows Dashboard to brands and hosts only; a shopper starts a brand or a profile from here. */}
              <Link href="/dashboard" className="self-center text-sm font-semibold text-brand-700 underline">
                {t('common.nav.dashboard')}
              </Link>
              <SignOutButton />
            </>
          }
        />
        <Section id="profile-heading" title={t('account.profile.title')}>
          <NameForm name={profile.name} />
        </Section>
        <Section id="host-heading" title={t('account.host.title')} description={t('account.host.description')}>
          <InfluencerForm profile={profile.influencer} />
        </Section>
        <Section
          id="password-heading"
          title={t('account.password.title')}
          description={profile.hasPassword ? undefined : t('account.password.noPassword')}
        >
          <PasswordForm hasPassword={profile.hasPassword} />
        </Section>
        <Section id="data-heading" title={t('privacy.download.title')} description={t('privacy.download.description')}>
          {/* A plain link: the route streams the file as an attachment (server/domain/privacy/export-data.ts). */}
          <a href="/account/data" download className="inline-block text-sm font-semibold text-brand-700 underline">
            {t('privacy.download.button')}
          </a>
          <p className="text-xs text-neutral-600">{t('privacy.download.limit', { count: DATA_EXPORT_THROTTLE.limit })}</p>
        </Section>
        <Section id="delete-heading" title={t('account.delete.title')} description={t('account.delete.intro')}>
          <ul className="list-disc space-y-1 pl-5 text-sm text-neutral-700">
            {DELETION_EFFECTS.map((effect) => (
              <li key={effect}>{t(`account.delete.effects.${effect}`)}</li>
            ))}
          </ul>
          <DeleteAccountForm email={profile.email} hasPassword={profile.hasPassword} />
        </Section>
      </main>
    </>
  );
}
