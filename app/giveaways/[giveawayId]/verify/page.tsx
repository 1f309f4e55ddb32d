import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { giveawayVerification } from '@/server/domain/giveaways';
import { services } from '@/server/services';
import { getI18n } from '@/app/_i18n/server';
import { SiteHeader } from '../../../_components/site-header';
import { VerifyDraw } from './verify-draw';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('engage.verify.title') };
}

/**
 * The public proof of a giveaway: the commitment published before entries, the seed
 * revealed at the draw, every entry (pseudonyms only) and the winners, with the
 * algorithm, re-run in the visitor's browser by VerifyDraw.
 */
export default async function VerifyGiveawayPage({ params }: { params: Promise<{ giveawayId: string }> }) {
  const { giveawayId } = await params;
  const data = await giveawayVerification(services().db, giveawayId);
  if (!data) notFound();
  const { t } = await getI18n();
  const { giveaway } = data;
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-3xl space-y-5 px-4 py-8">
        <header className="space-y-1">
          <h1 className="text-2xl font-bold tracking-tight">{t('engage.verify.title')}</h1>
          <p className="text-neutral-700">{t('engage.verify.intro')}</p>
          <p>
            <a href={`/shows/${data.showId}`} className="underline">
              {t('engage.verify.show', { title: data.showTitle })}
            </a>
          </p>
          <p>{t('engage.verify.prize', { prize: giveaway.prizeText })}</p>
        </header>
        <section aria-labelledby="algorithm-heading" className="rounded-2xl bg-white p-4 shadow-sm">
          <h2 id="algorithm-heading" className="mb-1 font-semibold">
            {t('engage.verify.algorithm')}
          </h2>
          <p className="text-sm text-neutral-700">{t('engage.verify.algorithmText')}</p>
        </section>
        {giveaway.seedHex ? (
          <VerifyDraw
            commitment={giveaway.commitment}
            seedHex={giveaway.seedHex}
            entries={data.entries}
            winnerCount={giveaway.winnerCount}
            winners={giveaway.winners.map((w) => w.ref)}
          />
        ) : (
          <section className="space-y-2 rounded-2xl bg-white p-4 shadow-sm">
            <h2 className="font-semibold">{t('engage.verify.commitment')}</h2>
            <p className="break-all font-mono text-sm" data-testid="verify-commitment">
              {giveaway.commitment}
            </p>
            <p role="status">{t('engage.verify.notDrawn')}</p>
          </section>
        )}
      </main>
    </>
  );
}
