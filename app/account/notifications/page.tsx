import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/app/_lib/action';
import { getI18n } from '@/app/_i18n/server';
import { getNotificationPreferences, NOTIFICATION_TOPICS, reminderLeadChoices } from '@/server/domain/notifications';
import { getPushPreferences, PUSH_KINDS, vapidOf } from '@/server/domain/push';
import { services } from '@/server/services';
import { SiteHeader } from '../../_components/site-header';
import { PageHeading } from '../../_components/ui';
import { hasMarketingConsent } from '@/server/domain/campaigns';
import { MarketingConsentForm } from './marketing-consent';
import { NotificationsForm } from './notifications-form';
import { PushSettings } from './push-settings';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('account.notifications.title') };
}
export const dynamic = 'force-dynamic';

export default async function NotificationSettingsPage() {
  const user = await requirePageUser('/account/notifications');
  const { db, env } = services();
  const [preferences, marketing, pushPreferences] = await Promise.all([
    getNotificationPreferences(db, user.id, env.REMINDER_LEAD_MINUTES),
    hasMarketingConsent(db, user.id),
    getPushPreferences(db, user.id),
  ]);
  const { t, format } = await getI18n();
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-2xl space-y-6 px-4 py-8">
        <p className="text-sm text-neutral-600">
          <Link href="/account" className="hover:underline">
            {t('account.page.title')}
          </Link>{' '}
          / <span className="font-medium text-ink">{t('account.notifications.title')}</span>
        </p>
        <PageHeading title={t('account.notifications.title')} description={t('account.notifications.description', { email: user.email })} />
        <section className="rounded-2xl border border-neutral-200 bg-white p-5">
          <NotificationsForm
            preferences={preferences}
            topics={NOTIFICATION_TOPICS}
            leadChoices={reminderLeadChoices(env.REMINDER_LEAD_MINUTES).map((minutes) => ({ minutes, label: format.minutes(minutes) }))}
          />
        </section>
        <section className="rounded-2xl border border-neutral-200 bg-white p-5">
          <PushSettings vapidPublicKey={vapidOf(env)?.publicKey ?? null} kinds={PUSH_KINDS} preferences={pushPreferences} />
        </section>
        <section className="rounded-2xl border border-neutral-200 bg-white p-5">
          <MarketingConsentForm granted={marketing} />
        </section>
      </main>
    </>
  );
}
