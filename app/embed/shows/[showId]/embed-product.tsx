'use client';

import { useState } from 'react';
import type { ProductCard } from '@/server/domain/catalog';
import { useI18n } from '@/app/_i18n/client';
// Not lazy: it formats prices, and nothing that formats may load after hydration (Khmer locale data).
import { formatPrice } from '@/app/_lib/format';
import { addToCartEvent } from './hand-off';

const MAX_QUANTITY = 10;

/**
 * The pinned product and its Buy. Buy either opens our checkout in a new tab (a frame on another
 * site gets no session cookie, so it cannot buy in place) or, when the embedding page asked for it,
 * hands the product to that page's own cart with a postMessage event (docs/embed.md).
 */
export function EmbedProduct({
  showId,
  product,
  skus,
  handOffOrigin,
  showPage,
}: {
  showId: string;
  product: ProductCard;
  skus: Record<string, string>;
  handOffOrigin: string | null;
  showPage: string;
}) {
  const { t, intl } = useI18n();
  const [variantId, setVariantId] = useState(product.variants.find((v) => v.stock > 0)?.id ?? product.variants[0]?.id ?? '');
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState<number | null>(null);
  const variant = product.variants.find((v) => v.id === variantId) ?? product.variants[0];
  if (!variant) return null;
  const maxQuantity = Math.max(1, Math.min(MAX_QUANTITY, variant.stock));
  const soldOut = variant.stock <= 0 || product.status !== 'ACTIVE';
  const price = formatPrice(variant.priceMinor, variant.currency, intl);
  const sku = skus[variant.id];
  // A product the page was rendered without (added to the lineup since) has no SKU here: our checkout still sells it.
  const handOffTo = sku ? handOffOrigin : null;

  const handOff = () => {
    if (!handOffTo || !sku) return;
    window.parent.postMessage(addToCartEvent({ showId, productId: product.id, sku, variant, quantity }), handOffTo);
    setAdded(quantity);
  };

  return (
    <section aria-label={product.title} data-testid="embed-product" className="flex gap-3">
      {product.imageUrl && (
        <img src={product.imageUrl} alt="" width={64} height={64} className="size-16 shrink-0 rounded-lg object-cover" />
      )}
      <div className="min-w-0 flex-1 space-y-2">
        <h2 className="truncate font-semibold">{product.title}</h2>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          {product.variants.length > 1 && (
            <label className="flex items-center gap-1">
              <span className="sr-only">{t('embed.product.option')}</span>
              <select
                value={variant.id}
                onChange={(e) => {
                  setVariantId(e.target.value);
                  setQuantity(1);
                  setAdded(null);
                }}
                className="rounded-lg border border-neutral-300 px-2 py-1"
              >
                {product.variants.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {handOffTo && (
            <div role="group" aria-label={t('embed.product.quantity')} className="flex items-center rounded-lg border border-neutral-300">
              <button
                type="button"
                aria-label={t('embed.product.less')}
                disabled={quantity <= 1}
                onClick={() => setQuantity((q) => Math.max(1, q - 1))}
                className="px-2 py-1 disabled:opacity-40"
              >
                −
              </button>
              <output aria-live="polite" data-testid="embed-quantity" className="min-w-6 text-center tabular-nums">
                {quantity}
              </output>
              <button
                type="button"
                aria-label={t('embed.product.more')}
                disabled={quantity >= maxQuantity}
                onClick={() => setQuantity((q) => Math.min(maxQuantity, q + 1))}
                className="px-2 py-1 disabled:opacity-40"
              >
                +
              </button>
            </div>
          )}
        </div>
        {soldOut ? (
          <p className="rounded-full bg-neutral-200 px-4 py-2 text-center font-semibold text-neutral-600">{t('embed.product.soldOut')}</p>
        ) : handOffTo ? (
          <button type="button" onClick={handOff} className="w-full rounded-full bg-brand-600 px-4 py-2 font-bold text-white">
            {t('embed.product.addToCart', { price })}
          </button>
        ) : (
          <a
            href={showPage}
            target="_blank"
            rel="noopener"
            aria-describedby="embed-new-tab"
            className="block w-full rounded-full bg-brand-600 px-4 py-2 text-center font-bold text-white"
          >
            {t('embed.product.buy', { price })}
          </a>
        )}
        {!soldOut && !handOffTo && (
          <p id="embed-new-tab" className="text-xs text-neutral-600">
            {t('embed.product.opensNewTab')}
          </p>
        )}
        <p aria-live="polite" className="text-sm text-neutral-700 empty:hidden">
          {added !== null ? t('embed.product.addedToCart', { count: added }) : ''}
        </p>
      </div>
    </section>
  );
}
