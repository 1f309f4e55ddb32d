'use client';

import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '@/app/_i18n/client';
import type { ProductCard } from '@/server/domain/catalog';
import { parseMoney } from '@/server/domain/money-input';
import { formatPrice } from '../../_lib/format';
import { moneyProblemText } from '../../_lib/money-problem';
import { useAuctionCountdown } from '../../_lib/use-auction-countdown';
import type { AuctionState } from '../../shows/[showId]/use-show-channel';

export interface AuctionRequest {
  variantId: string;
  startPriceMinor: number;
  incrementMinor: number;
  durationSeconds: number;
  antiSnipeSeconds: number;
  extendSeconds: number;
}

const DURATIONS = [15, 30, 45, 60, 90, 120];
const ANTI_SNIPE = [0, 5, 10, 15];
const EXTEND = [5, 10, 15, 20];
const field = 'rounded-lg border border-neutral-300 px-2 py-1.5';

/** Starts an auction on a lineup product, or shows the running one (price, leader, countdown) with Cancel. */
export function AuctionControls({
  lineup,
  auction,
  onStart,
  onCancel,
}: {
  lineup: ProductCard[];
  auction: AuctionState | null;
  onStart: (request: AuctionRequest) => void;
  onCancel: (auctionId: string) => void;
}) {
  const { t, intl } = useI18n();
  const secondsLeft = useAuctionCountdown(auction && !auction.ended ? auction.endsAt : null);
  const running = auction !== null && auction.ended === null;
  if (running) {
    const money = (minor: number) => formatPrice(minor, auction.currency, intl);
    return (
      <div className="space-y-2 text-sm" data-testid="studio-auction">
        <p>
          <span className="font-semibold">{t('studio.auction.running')}</span> · {auction.productTitle} — {auction.variantName} ·{' '}
          <span className="tabular-nums">{t('studio.auction.seconds', { seconds: secondsLeft })}</span>
        </p>
        <p aria-live="polite">
          {auction.priceMinor === null
            ? t('studio.auction.noBids')
            : t('studio.auction.current', { price: money(auction.priceMinor), leader: auction.leaderName ?? '' })}{' '}
          · {t('studio.auction.bids', { count: auction.bidCount })}
        </p>
        <button
          type="button"
          onClick={() => onCancel(auction.id)}
          className="rounded-full border border-neutral-300 px-4 py-2 font-semibold hover:bg-neutral-100"
        >
          {t('studio.auction.cancel')}
        </button>
      </div>
    );
  }
  const result = auction?.ended ? (
    <p role="status" className="mb-2 rounded-lg bg-neutral-100 px-3 py-2 text-sm" data-testid="studio-auction-result">
      {auction.ended.result === 'SOLD'
        ? t('studio.auction.sold', {
            name: auction.ended.winnerName ?? '',
            price: formatPrice(auction.ended.priceMinor ?? 0, auction.currency, intl),
          })
        : auction.ended.result === 'UNSOLD'
          ? t('studio.auction.unsold')
          : t('studio.auction.cancelled')}
    </p>
  ) : null;
  if (lineup.length === 0) return result ?? <p className="text-sm text-neutral-600">{t('studio.auction.noLineup')}</p>;
  return (
    <>
      {result}
      <AuctionForm lineup={lineup} onStart={onStart} />
    </>
  );
}

function AuctionForm({ lineup, onStart }: { lineup: ProductCard[]; onStart: (request: AuctionRequest) => void }) {
  const { t, intl } = useI18n();
  const options = lineup.filter((p) => p.status === 'ACTIVE').flatMap((p) => p.variants.map((v) => ({ product: p, variant: v })));
  const [variantId, setVariantId] = useState(options[0]?.variant.id ?? '');
  const [start, setStart] = useState('');
  const [increment, setIncrement] = useState('');
  const [duration, setDuration] = useState(30);
  const [antiSnipe, setAntiSnipe] = useState(10);
  const [extend, setExtend] = useState(10);
  const [problem, setProblem] = useState<string | null>(null);
  const startId = useId();
  const incrementId = useId();
  const problemId = useId();
  const chosen = options.find((o) => o.variant.id === variantId) ?? options[0]!;
  const currency = chosen.variant.currency;

  function submit(event: FormEvent) {
    event.preventDefault();
    const startPrice = parseMoney(start, currency);
    if (!startPrice.ok) return setProblem(moneyProblemText(t, startPrice.problem, start, currency));
    const step = parseMoney(increment, currency);
    if (!step.ok) return setProblem(moneyProblemText(t, step.problem, increment, currency));
    setProblem(null);
    onStart({
      variantId: chosen.variant.id,
      startPriceMinor: startPrice.minor,
      incrementMinor: step.minor,
      durationSeconds: duration,
      antiSnipeSeconds: antiSnipe,
      extendSeconds: extend,
    });
  }

  const seconds = (s: number) => t('studio.auction.seconds', { seconds: s });
  return (
    <form
      onSubmit={submit}
      className="grid grid-cols-2 gap-2 text-sm"
      aria-label={t('studio.auction.form')}
      aria-describedby={problem ? problemId : undefined}
    >
      <label className="col-span-2 flex flex-col gap-1">
        {t('studio.auction.product')}
        <select value={chosen.variant.id} onChange={(e) => setVariantId(e.target.value)} className={field}>
          {options.map(({ product, variant }) => (
            <option key={variant.id} value={variant.id}>
              {product.title} — {variant.name} · {formatPrice(variant.priceMinor, variant.currency, intl)}
            </option>
          ))}
        </select>
      </label>
      <div className="flex flex-col gap-1">
        <label htmlFor={startId}>{t('studio.auction.startPrice')}</label>
        <input id={startId} required inputMode="decimal" value={start} onChange={(e) => setStart(e.target.value)} className={field} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={incrementId}>{t('studio.auction.increment')}</label>
        <input
          id={incrementId}
          required
          inputMode="decimal"
          value={increment}
          onChange={(e) => setIncrement(e.target.value)}
          className={field}
        />
      </div>
      <label className="flex flex-col gap-1">
        {t('studio.auction.duration')}
        <select value={duration} onChange={(e) => setDuration(Number(e.target.value))} className={field}>
          {DURATIONS.map((d) => (
            <option key={d} value={d}>
              {seconds(d)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t('studio.auction.antiSnipe')}
        <select value={antiSnipe} onChange={(e) => setAntiSnipe(Number(e.target.value))} className={field}>
          {ANTI_SNIPE.map((d) => (
            <option key={d} value={d}>
              {d === 0 ? t('studio.auction.never') : seconds(d)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t('studio.auction.extendBy')}
        <select value={extend} onChange={(e) => setExtend(Number(e.target.value))} className={field} disabled={antiSnipe === 0}>
          {EXTEND.map((d) => (
            <option key={d} value={d}>
              {seconds(d)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="self-end rounded-full bg-brand-500 px-4 py-2 font-semibold text-white hover:bg-brand-600">
        {t('studio.auction.start')}
      </button>
      {problem && (
        <p id={problemId} role="alert" className="col-span-2 text-xs text-red-700">
          {problem}
        </p>
      )}
    </form>
  );
}
