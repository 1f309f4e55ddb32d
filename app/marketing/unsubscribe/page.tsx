import type { Metadata } from 'next';
import { primaryButtonClass } from '@/app/_components/ui';
import { rich } from '@/app/_i18n/rich';
import { getI18n } from '@/app/_i18n/server';
import { previewMarketingUnsubscribe } from '@/server/domain/campaigns';
import { AppError } from '@/server/domain/errors';
import { services } from '@/server/services';
import { confirmMarketingUnsubscribe } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('campaigns.unsubscribe.title'), robots: { index: false } };
}
export const dynamic = 'force-dynamic';

/** Opening the link only shows whose emails would stop: mail scanners fetch links, so the change waits for the button. */
export default async function MarketingUnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[]; done?: string }>;
}) {
  const { token: tokenParam, done } = await searchParams;
  const token = typeof tokenParam === 'string' ? tokenParam : '';
  const { db, env } = services();
  const { t } = await getI18n();
  let maskedEmail: string | null = null;
  try {
    maskedEmail = (await previewMarketingUnsubscribe(db, env.AUTH_SECRET, token)).maskedEmail;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
  return (
    <main className="mx-auto max-w-md space-y-5 px-4 py-12">
      <h1 className="text-2xl font-bold tracking-tight">{t('campaigns.unsubscribe.title')}</h1>
      {!maskedEmail ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {t('campaigns.unsubscribe.invalid')}
        </p>
      ) : done ? (
        <p role="status" className="rounded-lg bg-green-50 px-3 py-2 text-sm text-green-800">
          {t('campaigns.unsubscribe.done')}
        </p>
      ) : (
        <form action={confirmMarketingUnsubscribe} className="space-y-4">
          <p>{rich(t('campaigns.unsubscribe.question'), { email: <strong>{maskedEmail}</strong> })}</p>
          <input type="hidden" name="token" value={token} />
          <button type="submit" className={primaryButtonClass}>
            {t('campaigns.unsubscribe.confirm')}
          </button>
        </form>
      )}
    </main>
  );
}
