'use client';

import type { ProductCard } from '@/server/domain/catalog';
import { useI18n } from '../../_i18n/client';
import { formatPrice } from '../../_lib/format';

/**
 * The show's lineup as buttons: each opens its product in the product card,
 * over the stream (options, price, Buy and Add to bag). A list in the side
 * panel on a wide screen; a strip inside the opened card on a phone.
 */
export function LineupList({
  lineup,
  shownId,
  onOpen,
  strip = false,
}: {
  lineup: ProductCard[];
  shownId: string | null;
  onOpen: (productId: string) => void;
  strip?: boolean;
}) {
  const { intl } = useI18n();
  return (
    <ul className={strip ? 'flex gap-2 overflow-x-auto pb-1' : 'space-y-2'}>
      {lineup.map((p) => (
        <li key={p.id} className={strip ? 'w-32 shrink-0' : undefined}>
          <button
            type="button"
            aria-pressed={shownId === p.id}
            onClick={() => onOpen(p.id)}
            className={`flex w-full items-center gap-2 rounded-xl text-left hover:bg-neutral-100 aria-pressed:bg-brand-50 aria-pressed:ring-1 aria-pressed:ring-brand-500 ${strip ? 'border border-neutral-200 p-1.5' : 'gap-3 bg-white p-2 shadow-sm'}`}
          >
            {p.imageUrl && (
              <img
                src={p.imageUrl}
                alt=""
                width={48}
                height={48}
                className={`shrink-0 rounded-lg object-cover ${strip ? 'h-8 w-8' : 'h-12 w-12'}`}
              />
            )}
            <span className={`min-w-0 flex-1 font-medium ${strip ? 'truncate text-xs' : 'text-sm'}`}>{p.title}</span>
            {!strip && p.variants[0] && (
              <span className="shrink-0 text-sm tabular-nums text-neutral-700">
                {formatPrice(Math.min(...p.variants.map((v) => v.priceMinor)), p.variants[0].currency, intl)}
              </span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
