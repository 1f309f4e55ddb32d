'use client';

import { useState, type FormEvent } from 'react';
import type { ProductCard } from '@/server/domain/catalog';
import type { DealView } from '@/server/domain/deals';
import { formatPrice } from '../../_lib/format';
import { formatCountdown, useCountdown } from '../../_lib/use-countdown';

export interface DealRequest {
  variantId: string;
  priceMinor: number;
  durationSeconds: number;
  quantityCap: number | null;
}

const DURATIONS = [30, 60, 120, 300, 600];

/** Starts a flash deal on the pinned product, or shows and ends the running one. */
export function DealControls({ pinned, deal, onStart, onEnd }: { pinned: ProductCard | null; deal: DealView | null; onStart: (request: DealRequest) => void; onEnd: () => void }) {
  const [variantId, setVariantId] = useState('');
  const [price, setPrice] = useState('');
  const [duration, setDuration] = useState(60);
  const [cap, setCap] = useState('');
  const secondsLeft = useCountdown(deal?.endsAt ?? null);

  if (deal && secondsLeft > 0) {
    return (
      <div className="space-y-2" data-testid="studio-deal">
        <p className="text-sm">
          <span className="font-semibold">Deal running:</span> {deal.variantName} at {formatPrice(deal.priceMinor, deal.currency)} (was {formatPrice(deal.regularPriceMinor, deal.currency)}) ·{' '}
          <span className="tabular-nums">{formatCountdown(secondsLeft)}</span> · {deal.soldCount}
          {deal.quantityCap !== null ? ` of ${deal.quantityCap}` : ''} sold
        </p>
        <button type="button" onClick={onEnd} className="rounded-full border border-neutral-300 px-4 py-2 text-sm font-semibold hover:bg-neutral-100">
          End deal now
        </button>
      </div>
    );
  }
  if (!pinned) return <p className="text-sm text-neutral-600">Pin a product to start a flash deal on it.</p>;
  const variant = pinned.variants.find((v) => v.id === variantId) ?? pinned.variants[0]!;
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency: variant.currency }).resolvedOptions().maximumFractionDigits ?? 2;

  function submit(event: FormEvent) {
    event.preventDefault();
    onStart({ variantId: variant.id, priceMinor: Math.round(Number(price) * 10 ** digits), durationSeconds: duration, quantityCap: cap ? Number(cap) : null });
  }

  return (
    <form onSubmit={submit} className="grid grid-cols-2 gap-2 text-sm" aria-label="Start a flash deal">
      {pinned.variants.length > 1 && (
        <label className="col-span-2 flex flex-col gap-1">
          Option
          <select value={variant.id} onChange={(e) => setVariantId(e.target.value)} className="rounded-lg border border-neutral-300 px-2 py-1.5">
            {pinned.variants.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name} · {formatPrice(v.priceMinor, v.currency)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="flex flex-col gap-1">
        Deal price ({variant.currency})
        <input required inputMode="decimal" type="number" min="0" step={1 / 10 ** digits} max={(variant.priceMinor - 1) / 10 ** digits} value={price} onChange={(e) => setPrice(e.target.value)} className="rounded-lg border border-neutral-300 px-2 py-1.5" />
      </label>
      <label className="flex flex-col gap-1">
        Runs for
        <select value={duration} onChange={(e) => setDuration(Number(e.target.value))} className="rounded-lg border border-neutral-300 px-2 py-1.5">
          {DURATIONS.map((d) => (
            <option key={d} value={d}>
              {d < 60 ? `${d} seconds` : `${d / 60} minute${d > 60 ? 's' : ''}`}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        Units (optional)
        <input inputMode="numeric" type="number" min="1" value={cap} onChange={(e) => setCap(e.target.value)} placeholder="No limit" className="rounded-lg border border-neutral-300 px-2 py-1.5" />
      </label>
      <button type="submit" className="self-end rounded-full bg-brand-500 px-4 py-2 font-semibold text-white hover:bg-brand-600">
        Start deal
      </button>
    </form>
  );
}
