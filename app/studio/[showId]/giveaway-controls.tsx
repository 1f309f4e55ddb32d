'use client';

import { useId, useState, type FormEvent, type RefObject } from 'react';
import type { ProductCard } from '@/server/domain/catalog';
import type { GiveawayEligibility, GiveawayView } from '@/server/domain/giveaways';
import { useI18n } from '@/app/_i18n/client';
import type { ShowClientSocket } from '../../_lib/show-socket';
import { formatCountdown, useCountdown } from '../../_lib/use-countdown';
import { useEngageRequest } from '../../shows/[showId]/engagement/use-engage-request';

const field = 'w-full rounded-lg border border-neutral-300 px-2 py-1.5';

/** Starts a giveaway (prize, who may enter, tap or chat keyword, winners, time), then draws it. */
export function GiveawayControls({
  showId,
  giveaway,
  lineup,
  socketRef,
}: {
  showId: string;
  giveaway: GiveawayView | null;
  lineup: ProductCard[];
  socketRef: RefObject<ShowClientSocket | null>;
}) {
  const { t } = useI18n();
  const id = useId();
  const { send, error, busy } = useEngageRequest(socketRef);
  const [variantId, setVariantId] = useState('');
  const [prizeText, setPrizeText] = useState('');
  const [eligibility, setEligibility] = useState<GiveawayEligibility>('ANYONE');
  const [keyword, setKeyword] = useState('');
  const [winnerCount, setWinnerCount] = useState(1);
  const [durationSeconds, setDurationSeconds] = useState(60);
  const secondsLeft = useCountdown(giveaway?.status === 'OPEN' ? giveaway.endsAt : null);

  async function start(event: FormEvent) {
    event.preventDefault();
    await send('giveaway:start', {
      showId,
      prizeVariantId: variantId || null,
      prizeText: prizeText.trim() || null,
      eligibility,
      keyword: keyword.trim() || null,
      winnerCount,
      durationSeconds,
    });
  }

  const running = giveaway?.status === 'OPEN';
  return (
    <div className="space-y-2 border-t border-neutral-100 pt-3">
      <h3 className="text-sm font-semibold">{t('engage.studio.giveaway.heading')}</h3>
      {running ? (
        <div className="space-y-2 text-sm">
          <p className="font-medium">{t('engage.giveaway.prize', { prize: giveaway.prizeText })}</p>
          <p className="tabular-nums">
            {secondsLeft > 0 ? t('engage.giveaway.closesIn', { time: formatCountdown(secondsLeft) }) : t('engage.giveaway.closed')} ·{' '}
            <span data-testid="studio-giveaway-entries">{t('engage.giveaway.entries', { count: giveaway.entryCount })}</span>
          </p>
          <p className="break-all text-xs text-neutral-600">{t('engage.giveaway.commitment', { hash: giveaway.commitment })}</p>
          <button
            type="button"
            disabled={busy}
            onClick={() => void send('giveaway:draw', { showId, giveawayId: giveaway.id })}
            className="rounded-full bg-brand-500 px-4 py-2 font-bold text-white disabled:opacity-60"
          >
            {t('engage.studio.giveaway.draw')}
          </button>
        </div>
      ) : (
        <>
          {giveaway?.status === 'DRAWN' && (
            <p className="text-sm" data-testid="studio-giveaway-winners">
              {giveaway.winners.length
                ? t('engage.giveaway.winners', { names: giveaway.winners.map((w) => w.name).join(', ') })
                : t('engage.giveaway.noWinners')}{' '}
              <a href={`/giveaways/${giveaway.id}/verify`} target="_blank" rel="noopener" className="underline">
                {t('engage.giveaway.verify')}
              </a>
            </p>
          )}
          <form onSubmit={(e) => void start(e)} className="grid gap-2 text-sm">
            <label htmlFor={`${id}-prize`}>{t('engage.studio.giveaway.prizeProduct')}</label>
            <select id={`${id}-prize`} value={variantId} onChange={(e) => setVariantId(e.target.value)} className={field}>
              <option value="">{t('engage.studio.giveaway.prizeNone')}</option>
              {lineup.flatMap((p) =>
                p.variants.map((v) => (
                  <option key={v.id} value={v.id}>
                    {p.title} — {v.name}
                  </option>
                )),
              )}
            </select>
            <label htmlFor={`${id}-text`}>{t('engage.studio.giveaway.prizeText')}</label>
            <input id={`${id}-text`} value={prizeText} maxLength={120} onChange={(e) => setPrizeText(e.target.value)} className={field} />
            <label htmlFor={`${id}-who`}>{t('engage.studio.giveaway.eligibility')}</label>
            <select
              id={`${id}-who`}
              value={eligibility}
              onChange={(e) => setEligibility(e.target.value as GiveawayEligibility)}
              className={field}
            >
              <option value="ANYONE">{t('engage.studio.giveaway.anyone')}</option>
              <option value="FOLLOWERS">{t('engage.studio.giveaway.followers')}</option>
              <option value="BUYERS">{t('engage.studio.giveaway.buyers')}</option>
            </select>
            <label htmlFor={`${id}-keyword`}>{t('engage.studio.giveaway.keyword')}</label>
            <input id={`${id}-keyword`} value={keyword} maxLength={24} onChange={(e) => setKeyword(e.target.value)} className={field} />
            <div className="grid grid-cols-2 gap-2">
              <label className="grid gap-1">
                {t('engage.studio.giveaway.winners')}
                <input
                  type="number"
                  min={1}
                  max={10}
                  value={winnerCount}
                  onChange={(e) => setWinnerCount(Number(e.target.value))}
                  className={field}
                />
              </label>
              <label className="grid gap-1">
                {t('engage.studio.giveaway.duration')}
                <input
                  type="number"
                  min={15}
                  max={3600}
                  value={durationSeconds}
                  onChange={(e) => setDurationSeconds(Number(e.target.value))}
                  className={field}
                />
              </label>
            </div>
            <button type="submit" disabled={busy} className="rounded-full bg-ink px-4 py-2 font-bold text-white disabled:opacity-60">
              {t('engage.studio.giveaway.start')}
            </button>
          </form>
        </>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
