import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getI18n } from '@/app/_i18n/server';
import { mailboxAvailable } from '@/app/mailbox/access';
import { listStoredEmails } from '@/server/mail/mailbox';
import { services } from '@/server/services';
import { SiteHeader } from '../_components/site-header';
import { EmptyState, inputClass, PageHeading, secondaryButtonClass } from '../_components/ui';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('mailbox.list.title'), robots: { index: false } };
}
export const dynamic = 'force-dynamic';

/** Laptop mode only: with SMTP_URL set, email leaves the server and this page does not exist. */
export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string | string[] }> }) {
  const { db } = services();
  if (!(await mailboxAvailable())) notFound();
  const { to: toParam } = await searchParams;
  const to = typeof toParam === 'string' ? toParam : '';
  const emails = await listStoredEmails(db, { to: to.trim() || undefined });
  const { t, format } = await getI18n();
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-5xl space-y-6 px-4 py-8">
        <PageHeading title={t('mailbox.list.title')} description={t('mailbox.list.description')} />
        <form role="search" className="flex flex-wrap items-end gap-2">
          <label className="min-w-64 flex-1 text-sm font-medium">
            {t('mailbox.list.recipient')}
            <input name="to" type="email" defaultValue={to} placeholder="viewer@demo.live" className={`${inputClass} mt-1`} />
          </label>
          <button type="submit" className={secondaryButtonClass}>
            {t('mailbox.list.filter')}
          </button>
          {to && (
            <Link href="/mailbox" className="px-2 py-2.5 text-sm font-semibold underline">
              {t('mailbox.list.showAll')}
            </Link>
          )}
        </form>
        {emails.length === 0 ? (
          <EmptyState title={to ? t('mailbox.list.emptyTitleTo', { to }) : t('mailbox.list.emptyTitle')}>
            {t('mailbox.list.emptyBody')}
          </EmptyState>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="border-b border-neutral-200 text-neutral-600">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t('mailbox.list.subject')}
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t('mailbox.list.to')}
                </th>
                <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">
                  {t('mailbox.list.kind')}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {t('mailbox.list.time')}
                </th>
              </tr>
            </thead>
            <tbody>
              {emails.map((email) => (
                <tr key={email.id} className="border-b border-neutral-100 align-top">
                  <td className="py-2 pr-3">
                    <Link href={`/mailbox/${email.id}`} className="font-semibold text-ink underline-offset-2 hover:underline">
                      {email.subject}
                    </Link>
                    {email.status !== 'SENT' && (
                      <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">
                        {t(`mailbox.status.${email.status}`)}
                      </span>
                    )}
                  </td>
                  <td className="py-2 pr-3 break-all">{email.to}</td>
                  <td className="hidden py-2 pr-3 text-neutral-600 sm:table-cell">{email.kind}</td>
                  <td className="py-2 whitespace-nowrap text-neutral-600">
                    <time dateTime={email.createdAt.toISOString()}>{format.dateTime(email.createdAt, 'dateTimeSeconds', 'UTC')}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </>
  );
}
