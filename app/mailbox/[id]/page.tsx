import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getI18n } from '@/app/_i18n/server';
import { mailboxAvailable } from '@/app/mailbox/access';
import { AppError } from '@/server/domain/errors';
import { extractLinks, getStoredEmail } from '@/server/mail/mailbox';
import { services } from '@/server/services';
import { SiteHeader } from '../../_components/site-header';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('mailbox.email.title'), robots: { index: false } };
}
export const dynamic = 'force-dynamic';

export default async function MailboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, env } = services();
  if (!(await mailboxAvailable())) notFound();
  const { id } = await params;
  const email = await getStoredEmail(db, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const links = extractLinks(email.html);
  const { t, format } = await getI18n();
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-8">
        <p className="text-sm text-neutral-600">
          <Link href="/mailbox" className="hover:underline">
            {t('mailbox.list.title')}
          </Link>{' '}
          /{' '}
          <Link href={`/mailbox?to=${encodeURIComponent(email.to)}`} className="hover:underline">
            {email.to}
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight">{email.subject}</h1>
        <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-neutral-600">{t('mailbox.email.from')}</dt>
          <dd>{env.MAIL_FROM}</dd>
          <dt className="text-neutral-600">{t('mailbox.list.to')}</dt>
          <dd className="break-all">{email.to}</dd>
          <dt className="text-neutral-600">{t('mailbox.list.time')}</dt>
          <dd>
            <time dateTime={email.createdAt.toISOString()}>{format.dateTime(email.createdAt, 'dateTimeSeconds', 'UTC')}</time>
          </dd>
          <dt className="text-neutral-600">{t('mailbox.list.kind')}</dt>
          <dd>
            {email.kind} · {t(`mailbox.status.${email.status}`)}
            {email.error ? ` · ${email.error}` : ''}
          </dd>
        </dl>
        {links.length > 0 && (
          <section aria-labelledby="links-heading" className="rounded-xl bg-neutral-100 p-4">
            <h2 id="links-heading" className="mb-2 text-sm font-semibold">
              {t('mailbox.email.links')}
            </h2>
            <ul className="space-y-1 text-sm">
              {links.map((link, index) => (
                <li key={`${index}-${link.href}`}>
                  <a href={link.href} className="font-semibold text-brand-700 underline">
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="html-heading" className="space-y-2">
          <h2 id="html-heading" className="text-sm font-semibold">
            {t('mailbox.email.asSeen')}
          </h2>
          {/* sandbox="" runs no script and follows no link inside: the HTML came from user-supplied titles and names. */}
          <iframe
            title={t('mailbox.email.frameTitle', { subject: email.subject })}
            sandbox=""
            srcDoc={email.html}
            className="h-[28rem] w-full rounded-xl border border-neutral-200 bg-white"
          />
        </section>
        <section aria-labelledby="text-heading" className="space-y-2">
          <h2 id="text-heading" className="text-sm font-semibold">
            {t('mailbox.email.plainText')}
          </h2>
          <pre className="overflow-x-auto whitespace-pre-wrap rounded-xl border border-neutral-200 bg-white p-4 text-sm">{email.text}</pre>
        </section>
      </main>
    </>
  );
}
