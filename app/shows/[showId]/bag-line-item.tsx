'use client';

import type { BagLine } from '@/server/domain/bag';
import { useI18n } from '../../_i18n/client';
import type { Translate } from '../../_i18n/translate';
import { formatPrice } from '../../_lib/format';

const PROBLEM_TEXT = {
  UNAVAILABLE: (t: Translate) => t('viewer.line.unavailable'),
  SOLD_OUT: (t: Translate) => t('viewer.line.soldOut'),
  NOT_ENOUGH: (t: Translate, line: BagLine) => t('viewer.line.notEnough', { count: line.stock }),
} as const;

/** The unit price; under a running flash deal, the deal price with the regular one struck through. */
function UnitPrice({ line }: { line: BagLine }) {
  const { t, intl } = useI18n();
  const price = formatPrice(line.unitPriceMinor, line.currency, intl);
  if (!line.deal) return <>{price}</>;
  return (
    <>
      <span className="font-semibold text-brand-700" data-testid="bag-line-deal-price">
        {t('viewer.line.dealPrice', { price })}
      </span>{' '}
      <s>{t('viewer.line.wasPrice', { price: formatPrice(line.regularPriceMinor, line.currency, intl) })}</s>
    </>
  );
}

const stepClass =
  'grid h-9 w-9 place-items-center rounded-full border border-neutral-300 text-lg font-bold hover:bg-neutral-100 disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-brand-500';

/** One line of the bag with its quantity stepper; the server checks every change against stock and the limit. */
export function BagLineItem({
  line,
  maxPerBuyer,
  busy,
  onQuantity,
}: {
  line: BagLine;
  maxPerBuyer: number;
  busy: boolean;
  onQuantity: (quantity: number) => void;
}) {
  const { t, intl } = useI18n();
  const name = `${line.productTitle} (${line.variantName})`;
  return (
    <li className="flex gap-3 py-3" data-testid="bag-line">
      {line.imageUrl && <img src={line.imageUrl} alt="" width={56} height={56} className="h-14 w-14 shrink-0 rounded-lg object-cover" />}
      <div className="min-w-0 flex-1">
        <p className="truncate font-semibold">{line.productTitle}</p>
        <p className="text-sm text-neutral-600">
          {line.variantName} · <UnitPrice line={line} />
        </p>
        {line.deal && <p className="text-xs text-neutral-600">{t('viewer.line.dealNote')}</p>}
        {line.problem && <p className="text-sm font-medium text-red-700">{PROBLEM_TEXT[line.problem](t, line)}</p>}
        <div className="mt-2 flex items-center gap-2">
          <button
            type="button"
            className={stepClass}
            aria-label={t('viewer.line.oneLess', { name })}
            disabled={busy || line.quantity <= 1}
            onClick={() => onQuantity(line.quantity - 1)}
          >
            −
          </button>
          <span className="min-w-6 text-center tabular-nums" aria-label={t('viewer.line.quantityOf', { name })}>
            {line.quantity}
          </span>
          <button
            type="button"
            className={stepClass}
            aria-label={t('viewer.line.oneMore', { name })}
            disabled={busy || line.quantity >= Math.min(maxPerBuyer, line.stock)}
            onClick={() => onQuantity(line.quantity + 1)}
          >
            +
          </button>
          <button
            type="button"
            className="ml-auto text-sm font-semibold text-neutral-700 underline hover:text-ink disabled:opacity-40"
            aria-label={t('viewer.line.removeLabel', { name })}
            disabled={busy}
            onClick={() => onQuantity(0)}
          >
            {t('viewer.line.remove')}
          </button>
        </div>
      </div>
      <p className="shrink-0 font-semibold tabular-nums">{formatPrice(line.unitPriceMinor * line.quantity, line.currency, intl)}</p>
    </li>
  );
}
