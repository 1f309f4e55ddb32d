import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/app/_lib/action';
import { describeLead, getNotificationPreferences, NOTIFICATION_TOPICS, reminderLeadChoices, TOPIC_LABELS } from '@/server/domain/notification-preferences';
import { services } from '@/server/services';
import { SiteHeader } from '../../_components/site-header';
import { PageHeading } from '../../_components/ui';
import { NotificationsForm } from './notifications-form';

export const metadata: Metadata = { title: 'Email settings' };
export const dynamic = 'force-dynamic';

export default async function NotificationSettingsPage() {
  const user = await requirePageUser('/account/notifications');
  const { db, env } = services();
  const preferences = await getNotificationPreferences(db, user.id, env.REMINDER_LEAD_MINUTES);
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-2xl space-y-6 px-4 py-8">
        <p className="text-sm text-neutral-600">
          <Link href="/account" className="hover:underline">
            Your account
          </Link>{' '}
          / <span className="font-medium text-ink">Email settings</span>
        </p>
        <PageHeading title="Email settings" description={`Emails go to ${user.email}. Every email also has a link to stop that kind of email.`} />
        <section className="rounded-2xl border border-neutral-200 bg-white p-5">
          <NotificationsForm
            preferences={preferences}
            topics={NOTIFICATION_TOPICS.map((topic) => ({ topic, label: TOPIC_LABELS[topic] }))}
            leadChoices={reminderLeadChoices(env.REMINDER_LEAD_MINUTES).map((minutes) => ({ minutes, label: describeLead(minutes) }))}
          />
        </section>
      </main>
    </>
  );
}
