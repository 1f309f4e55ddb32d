import type { Metadata } from 'next';
import Link from 'next/link';
import { errorText } from '@/app/_i18n/error-text';
import { rich } from '@/app/_i18n/rich';
import { getI18n } from '@/app/_i18n/server';
import { AppError, toErrorPayload } from '@/server/domain/errors';
import { previewUnsubscribe, type UnsubscribePreview } from '@/server/domain/notifications';
import { services } from '@/server/services';
import { SiteHeader } from '../_components/site-header';
import { ConfirmUnsubscribeForm } from './confirm-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('mailbox.unsubscribe.title'), robots: { index: false } };
}
export const dynamic = 'force-dynamic';

/**
 * Opening the link only shows what would be turned off: mail scanners fetch
 * links, so the change waits for the button (or the one-click POST).
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token: tokenParam } = await searchParams;
  const token = typeof tokenParam === 'string' ? tokenParam : '';
  const { db, env } = services();
  const { t } = await getI18n();
  let preview: UnsubscribePreview | null = null;
  let problem: string | null = null;
  try {
    preview = await previewUnsubscribe(db, env.AUTH_SECRET, token);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = errorText(t, toErrorPayload(error));
  }
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-md space-y-5 px-4 py-12">
        <h1 className="text-2xl font-bold tracking-tight">{t('mailbox.unsubscribe.title')}</h1>
        {preview ? (
          <>
            <p>{rich(t('mailbox.unsubscribe.stop'), { email: <strong>{preview.maskedEmail}</strong> })}</p>
            <ul className="list-disc space-y-1 pl-5">
              {preview.topics.map((topic) => (
                <li key={topic}>{t(`account.notifications.topics.${topic}`)}</li>
              ))}
            </ul>
            <ConfirmUnsubscribeForm token={token} />
          </>
        ) : (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
            {problem}
          </p>
        )}
        <p className="text-sm text-neutral-600">
          {rich(t('mailbox.unsubscribe.settings'), {
            link: (
              <Link href="/account/notifications" className="font-semibold underline">
                {t('mailbox.unsubscribe.settingsLink')}
              </Link>
            ),
          })}
        </p>
      </main>
    </>
  );
}
