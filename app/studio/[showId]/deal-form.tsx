'use client';

import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '@/app/_i18n/client';
import type { ProductCard } from '@/server/domain/catalog';
import type { DealView } from '@/server/domain/shows';
import { formatPrice } from '../../_lib/format';
import { moneyProblemText } from '../../_lib/money-problem';
import { parseMoney } from '@/server/domain/money-input';
import { formatCountdown, useCountdown } from '../../_lib/use-countdown';

export interface DealRequest {
  variantId: string;
  priceMinor: number;
  durationSeconds: number;
  quantityCap: number | null;
}

const DURATIONS = [30, 60, 120, 300, 600];
const field = 'rounded-lg border border-neutral-300 px-2 py-1.5';

/** Starts a flash deal on the pinned product, or shows and ends the running one. */
export function DealControls({
  pinned,
  deal,
  onStart,
  onEnd,
}: {
  pinned: ProductCard | null;
  deal: DealView | null;
  onStart: (request: DealRequest) => void;
  onEnd: () => void;
}) {
  const { t, intl } = useI18n();
  const secondsLeft = useCountdown(deal?.endsAt ?? null);

  // A capped deal that sold its last unit is over even before the server's deal:ended arrives.
  const soldOut = deal !== null && deal.quantityCap !== null && deal.soldCount >= deal.quantityCap;
  if (deal && secondsLeft > 0 && !soldOut) {
    const sold =
      deal.quantityCap !== null
        ? t('studio.deal.soldOf', { sold: deal.soldCount, cap: deal.quantityCap })
        : t('studio.deal.sold', { count: deal.soldCount });
    return (
      <div className="space-y-2" data-testid="studio-deal">
        <p className="text-sm">
          <span className="font-semibold">{t('studio.deal.running')}</span>{' '}
          {t('studio.deal.runningLine', {
            variant: deal.variantName,
            price: formatPrice(deal.priceMinor, deal.currency, intl),
            regular: formatPrice(deal.regularPriceMinor, deal.currency, intl),
          })}{' '}
          · <span className="sr-only">{t('studio.deal.timeLeft')}</span>
          <span className="tabular-nums">{formatCountdown(secondsLeft)}</span> · {sold}
        </p>
        <button
          type="button"
          onClick={onEnd}
          className="rounded-full border border-neutral-300 px-4 py-2 text-sm font-semibold hover:bg-neutral-100"
        >
          {t('studio.deal.end')}
        </button>
      </div>
    );
  }
  const ended =
    soldOut && deal ? (
      <p role="status" className="mb-2 rounded-lg bg-neutral-100 px-3 py-2 text-sm" data-testid="studio-deal-sold-out">
        {t('studio.deal.soldOut', { variant: deal.variantName, cap: deal.quantityCap ?? deal.soldCount })}
      </p>
    ) : null;
  if (!pinned) return ended ?? <p className="text-sm text-neutral-600">{t('studio.deal.needsPin')}</p>;
  // Keyed by product: pinning another one starts with an empty form.
  return (
    <>
      {ended}
      <DealForm key={pinned.id} product={pinned} onStart={onStart} />
    </>
  );
}

function DealForm({ product, onStart }: { product: ProductCard; onStart: (request: DealRequest) => void }) {
  const { t, intl } = useI18n();
  const [variantId, setVariantId] = useState('');
  const [price, setPrice] = useState('');
  const [priceError, setPriceError] = useState<string | null>(null);
  const [duration, setDuration] = useState(60);
  const [cap, setCap] = useState('');
  const priceId = useId();
  const hintId = useId();
  const variant = product.variants.find((v) => v.id === variantId) ?? product.variants[0]!;
  const errorId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    // "45,50" and "45.50" alike: the shared parser, not the browser's number input, reads the price.
    const parsed = parseMoney(price, variant.currency);
    setPriceError(parsed.ok ? null : moneyProblemText(t, parsed.problem, price, variant.currency));
    if (!parsed.ok) return;
    onStart({
      variantId: variant.id,
      priceMinor: parsed.minor,
      durationSeconds: duration,
      quantityCap: cap ? Number(cap) : null,
    });
  }

  return (
    <form onSubmit={submit} className="grid grid-cols-2 gap-2 text-sm" aria-label={t('studio.deal.form')}>
      {product.variants.length > 1 && (
        <label className="col-span-2 flex flex-col gap-1">
          {t('studio.deal.option')}
          <select value={variant.id} onChange={(e) => setVariantId(e.target.value)} className={field}>
            {product.variants.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name} · {formatPrice(v.priceMinor, v.currency, intl)}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="flex flex-col gap-1">
        <label htmlFor={priceId}>{t('studio.deal.price', { currency: variant.currency })}</label>
        <input
          id={priceId}
          required
          inputMode="decimal"
          value={price}
          onChange={(e) => setPrice(e.target.value)}
          aria-describedby={priceError ? `${errorId} ${hintId}` : hintId}
          aria-invalid={priceError ? true : undefined}
          className={field}
        />
        {priceError && (
          <span id={errorId} className="text-xs text-red-700">
            {priceError}
          </span>
        )}
        <span id={hintId} className="text-xs text-neutral-600">
          {t('studio.deal.priceHint', { price: formatPrice(variant.priceMinor, variant.currency, intl) })}
        </span>
      </div>
      <label className="flex flex-col gap-1">
        {t('studio.deal.duration')}
        <select value={duration} onChange={(e) => setDuration(Number(e.target.value))} className={field}>
          {DURATIONS.map((d) => (
            <option key={d} value={d}>
              {d < 60 ? t('studio.deal.seconds', { count: d }) : t('studio.deal.minutes', { count: d / 60 })}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t('studio.deal.cap')}
        <input
          inputMode="numeric"
          type="number"
          min="1"
          value={cap}
          onChange={(e) => setCap(e.target.value)}
          placeholder={t('studio.deal.noLimit')}
          className={field}
        />
      </label>
      <button type="submit" className="self-end rounded-full bg-brand-500 px-4 py-2 font-semibold text-white hover:bg-brand-600">
        {t('studio.deal.start')}
      </button>
    </form>
  );
}
