import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { mailboxAvailable } from '@/app/mailbox/access';
import { listStoredEmails } from '@/server/mail/mailbox';
import { services } from '@/server/services';
import { SiteHeader } from '../_components/site-header';
import { EmptyState, inputClass, PageHeading, secondaryButtonClass } from '../_components/ui';
import { formatMailTime } from './format';

export const metadata: Metadata = { title: 'Local mailbox', robots: { index: false } };
export const dynamic = 'force-dynamic';

/** Laptop mode only: with SMTP_URL set, email leaves the server and this page does not exist. */
export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string | string[] }> }) {
  const { db } = services();
  if (!(await mailboxAvailable())) notFound();
  const { to: toParam } = await searchParams;
  const to = typeof toParam === 'string' ? toParam : '';
  const emails = await listStoredEmails(db, { to: to.trim() || undefined });
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-5xl space-y-6 px-4 py-8">
        <PageHeading
          title="Local mailbox"
          description="Email is not sent anywhere because SMTP_URL is not set: every message the app would send is kept here instead. Only requests from this machine can open this page; set SMTP_URL on a real server."
        />
        <form role="search" className="flex flex-wrap items-end gap-2">
          <label className="min-w-64 flex-1 text-sm font-medium">
            Recipient
            <input name="to" type="email" defaultValue={to} placeholder="viewer@demo.live" className={`${inputClass} mt-1`} />
          </label>
          <button type="submit" className={secondaryButtonClass}>
            Filter
          </button>
          {to && (
            <Link href="/mailbox" className="px-2 py-2.5 text-sm font-semibold underline">
              Show all
            </Link>
          )}
        </form>
        {emails.length === 0 ? (
          <EmptyState title={to ? `No email to ${to} yet` : 'No email yet'}>Sign-in links, invitations and show reminders appear here as soon as they are sent.</EmptyState>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="border-b border-neutral-200 text-neutral-600">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">Subject</th>
                <th scope="col" className="py-2 pr-3 font-medium">To</th>
                <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">Kind</th>
                <th scope="col" className="py-2 font-medium">Time (UTC)</th>
              </tr>
            </thead>
            <tbody>
              {emails.map((email) => (
                <tr key={email.id} className="border-b border-neutral-100 align-top">
                  <td className="py-2 pr-3">
                    <Link href={`/mailbox/${email.id}`} className="font-semibold text-ink underline-offset-2 hover:underline">
                      {email.subject}
                    </Link>
                    {email.status !== 'SENT' && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">{email.status.toLowerCase()}</span>}
                  </td>
                  <td className="py-2 pr-3 break-all">{email.to}</td>
                  <td className="hidden py-2 pr-3 text-neutral-600 sm:table-cell">{email.kind}</td>
                  <td className="py-2 whitespace-nowrap text-neutral-600">
                    <time dateTime={email.createdAt.toISOString()}>{formatMailTime(email.createdAt)}</time>
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
