'use client';

import type { BagLine } from '@/server/domain/bag';
import { formatPrice } from '../../_lib/format';

const PROBLEM_TEXT = {
  UNAVAILABLE: () => 'No longer available: remove it to pay.',
  SOLD_OUT: () => 'Sold out: remove it to pay.',
  NOT_ENOUGH: (line: BagLine) => `Only ${line.stock} left: lower the quantity to pay.`,
} as const;

const stepClass =
  'grid h-9 w-9 place-items-center rounded-full border border-neutral-300 text-lg font-bold hover:bg-neutral-100 disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-brand-500';

/** One line of the bag with its quantity stepper; the server checks every change against stock and the limit. */
export function BagLineItem({ line, maxPerBuyer, busy, onQuantity }: { line: BagLine; maxPerBuyer: number; busy: boolean; onQuantity: (quantity: number) => void }) {
  const name = `${line.productTitle} (${line.variantName})`;
  return (
    <li className="flex gap-3 py-3" data-testid="bag-line">
      {line.imageUrl && <img src={line.imageUrl} alt="" width={56} height={56} className="h-14 w-14 shrink-0 rounded-lg object-cover" />}
      <div className="min-w-0 flex-1">
        <p className="truncate font-semibold">{line.productTitle}</p>
        <p className="text-sm text-neutral-600">
          {line.variantName} · {formatPrice(line.unitPriceMinor, line.currency)}
        </p>
        {line.problem && <p className="text-sm font-medium text-red-700">{PROBLEM_TEXT[line.problem](line)}</p>}
        <div className="mt-2 flex items-center gap-2">
          <button type="button" className={stepClass} aria-label={`One less ${name}`} disabled={busy || line.quantity <= 1} onClick={() => onQuantity(line.quantity - 1)}>
            −
          </button>
          <span className="min-w-6 text-center tabular-nums" aria-label={`Quantity of ${name}`}>
            {line.quantity}
          </span>
          <button type="button" className={stepClass} aria-label={`One more ${name}`} disabled={busy || line.quantity >= Math.min(maxPerBuyer, line.stock)} onClick={() => onQuantity(line.quantity + 1)}>
            +
          </button>
          <button type="button" className="ml-auto text-sm font-semibold text-neutral-700 underline hover:text-ink disabled:opacity-40" aria-label={`Remove ${name}`} disabled={busy} onClick={() => onQuantity(0)}>
            Remove
          </button>
        </div>
      </div>
      <p className="shrink-0 font-semibold tabular-nums">{formatPrice(line.unitPriceMinor * line.quantity, line.currency)}</p>
    </li>
  );
}
