'use client';

import dynamic from 'next/dynamic';
import { useCallback, useRef, useState } from 'react';
import type { ErrorCode } from '@/server/domain/errors';
import type { ProductCard } from '@/server/domain/catalog';
import type { DealView } from '@/server/domain/deals';
import type { OrderConfirmation } from '@/server/realtime/protocol';
import { useI18n } from '../../_i18n/client';
import { formatPrice } from '../../_lib/format';
import { formatCountdown, useCountdown } from '../../_lib/use-countdown';
import { SignInToBuy } from './sign-in-to-buy';

/** A refused tap carries its message already worded in the viewer's language. */
export type BuyResult = { ok: true; order: OrderConfirmation } | { ok: false; message: string; code?: ErrorCode };

// Only a first-time buyer (or one whose card was declined) ever needs the sheet: its form code loads on first use.
const OneTapSetupSheet = dynamic(() => import('./one-tap-setup-sheet').then((m) => m.OneTapSetupSheet), { ssr: false });
type Tap = { variantId: string; key: string; dealId: string | null };

/** A refusal the sheet can fix. Falls back to the catalogue message while the caller does not pass the code. */
function needsWallet(result: BuyResult): boolean {
  if (result.ok) return false;
  return result.code === 'NO_ADDRESS' || result.code === 'NO_PAYMENT_METHOD';
}

/**
 * The pinned product with its live stock and the one-tap Buy button. Each tap
 * gets its own idempotency key; a retry of the same tap reuses it, so a flaky
 * connection can never buy twice. A tap refused for a missing address or card
 * opens a short sheet over the player; once saved, the same tap (same key) is
 * sent again and completes. A declined card gets "Change card" beside the
 * refusal: the sheet opens on the card step and the tap is sent again, with a
 * new key, on the new card.
 */
export function PinnedProduct({
  product,
  deal,
  canBuy,
  live,
  onBuy,
  onAddToBag,
}: {
  product: ProductCard;
  deal: DealView | null;
  canBuy: boolean;
  live: boolean;
  onBuy: (variantId: string, idempotencyKey: string, dealId: string | null) => Promise<BuyResult>;
  /** Puts the chosen variant in the viewer's bag (at its regular price); the viewer page shows the result. */
  onAddToBag?: (variantId: string) => void;
}) {
  const { t, intl } = useI18n();
  const productDeal = deal?.productId === product.id ? deal : null;
  const [variantId, setVariantId] = useState(productDeal?.variantId ?? product.variants[0]?.id ?? '');
  const secondsLeft = useCountdown(productDeal?.endsAt ?? null);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<BuyResult | null>(null);
  // The tap waiting for the sheet: retried with its own key once the wallet is saved.
  const [waitingTap, setWaitingTap] = useState<(Tap & { step: 'setup' | 'card' }) | null>(null);
  // The last tap refused for its card, which "Change card" sends again.
  const [declinedTap, setDeclinedTap] = useState<Tap | null>(null);
  const buyButtonRef = useRef<HTMLButtonElement>(null);

  // Every hook runs before the early return below (a product without variants renders nothing).
  const closeSheet = useCallback(() => {
    // Closing the card step leaves the decline and its "Change card" where they were.
    if (waitingTap?.step === 'setup') setResult({ ok: false, message: t('viewer.product.walletNeeded') });
    setWaitingTap(null);
  }, [t, waitingTap]);
  const walletSaved = useCallback(() => {
    if (!waitingTap) return;
    setWaitingTap(null);
    void send(waitingTap);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- send is a new closure each render; the sheet keeps one callback per waiting tap
  }, [waitingTap]);

  const variant = product.variants.find((v) => v.id === variantId) ?? product.variants[0];
  if (!variant) return null;
  const soldOut = variant.stock <= 0;
  // A product the brand turned back into a draft (or archived) mid-show is shown, never sold.
  const onSale = product.status === 'ACTIVE';
  const dealLeft = productDeal?.quantityCap != null ? productDeal.quantityCap - productDeal.soldCount : null;
  const activeDeal = productDeal && productDeal.variantId === variant.id && secondsLeft > 0 && dealLeft !== 0 ? productDeal : null;
  const price = activeDeal ? activeDeal.priceMinor : variant.priceMinor;

  async function send(tap: Tap) {
    setPending(true);
    setResult(null);
    setDeclinedTap(null);
    const answer = await onBuy(tap.variantId, tap.key, tap.dealId);
    setPending(false);
    if (needsWallet(answer)) return setWaitingTap({ ...tap, step: 'setup' });
    setResult(answer);
    if (!answer.ok && answer.code === 'PAYMENT_DECLINED') setDeclinedTap(tap);
  }

  function changeCard() {
    if (!declinedTap) return;
    // A new key: a provider may answer a repeated key with its first answer, the decline.
    setWaitingTap({ ...declinedTap, key: crypto.randomUUID(), step: 'card' });
  }

  function buy() {
    if (!variant) return;
    void send({ variantId: variant.id, key: crypto.randomUUID(), dealId: activeDeal?.id ?? null });
  }

  return (
    <section aria-label={t('viewer.product.region')} className="rounded-2xl bg-white/95 p-3 text-ink shadow-xl backdrop-blur" data-testid="pinned-product">
      <div className="flex gap-3">
        {product.imageUrl && <img src={product.imageUrl} alt="" width={80} height={80} className="h-20 w-20 shrink-0 rounded-xl object-cover" />}
        <div className="min-w-0 flex-1">
          <h2 className="truncate font-semibold">{product.title}</h2>
          <p className="text-lg font-bold">
            {formatPrice(price, variant.currency, intl)}
            {activeDeal && <s className="ml-2 text-sm font-normal text-neutral-500">{formatPrice(variant.priceMinor, variant.currency, intl)}</s>}
          </p>
          <p aria-live="polite" className={soldOut ? 'text-sm font-semibold text-red-700' : 'text-sm text-neutral-600'} data-testid="stock-left">
            {soldOut ? t('viewer.product.soldOut') : t('viewer.product.left', { count: variant.stock })}
          </p>
        </div>
      </div>
      {productDeal && secondsLeft > 0 && dealLeft !== 0 && (
        <p className="mt-2 flex items-center justify-between rounded-lg bg-brand-500 px-3 py-1.5 text-sm font-semibold text-white" data-testid="deal-banner">
          <span>
            {t('viewer.product.flashDeal')}
            {product.variants.length > 1 ? ` · ${productDeal.variantName}` : ''}
            {dealLeft !== null && ` · ${t('viewer.product.left', { count: dealLeft })}`}
          </span>
          <span aria-label={t('viewer.product.secondsLeft', { count: secondsLeft })} className="tabular-nums">
            {formatCountdown(secondsLeft)}
          </span>
        </p>
      )}
      {product.variants.length > 1 && (
        <fieldset className="mt-2">
          <legend className="sr-only">{t('viewer.product.chooseOption')}</legend>
          <div className="flex flex-wrap gap-2">
            {product.variants.map((v) => (
              <label key={v.id} className={`cursor-pointer rounded-full border px-3 py-1 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 ${v.id === variant.id ? 'border-ink bg-ink text-white' : 'border-neutral-300'}`}>
                <input type="radio" name={`variant-${product.id}`} value={v.id} checked={v.id === variant.id} onChange={() => setVariantId(v.id)} className="sr-only" />
                {v.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {!onSale ? (
        <p className="mt-3 rounded-full bg-neutral-100 py-3 text-center text-sm font-semibold text-neutral-700" data-testid="not-on-sale">
          {t('viewer.product.notOnSale')}
        </p>
      ) : canBuy ? (
        <button
          ref={buyButtonRef}
          type="button"
          onClick={buy}
          disabled={pending || soldOut || !live}
          className="mt-3 w-full rounded-full bg-brand-500 py-3 text-base font-bold text-white hover:bg-brand-600 disabled:bg-neutral-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
        >
          {pending ? t('viewer.product.buying') : soldOut ? t('viewer.product.soldOut') : t('viewer.product.buyNow', { price: formatPrice(price, variant.currency, intl) })}
        </button>
      ) : (
        <SignInToBuy />
      )}
      {onSale && canBuy && onAddToBag && (
        <button
          type="button"
          onClick={() => onAddToBag(variant.id)}
          disabled={soldOut || !live}
          className="mt-2 w-full rounded-full border border-ink py-2.5 text-sm font-bold text-ink hover:bg-neutral-100 disabled:border-neutral-300 disabled:text-neutral-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
        >
          {t('viewer.product.addToBag')}
        </button>
      )}
      <div aria-live="polite" className="empty:hidden">
        {result?.ok && (
          <p role="status" className="mt-2 rounded-lg bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-800">
            {t('viewer.product.confirmed', {
              // A string, so the number is not grouped ("#1,024"): it is an identifier.
              number: String(result.order.orderNumber),
              product: result.order.productTitle,
              variant: result.order.variantName,
              total: formatPrice(result.order.totalMinor, result.order.currency, intl),
            })}
          </p>
        )}
        {result && !result.ok && (
          <p className="mt-2 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
            {result.message}
            {declinedTap && (
              <>
                {' '}
                <button type="button" onClick={changeCard} aria-haspopup="dialog" className="font-semibold underline">
                  {t('viewer.product.changeCard')}
                </button>
              </>
            )}
          </p>
        )}
      </div>
      {waitingTap && <OneTapSetupSheet step={waitingTap.step} onSaved={walletSaved} onClose={closeSheet} returnFocusTo={buyButtonRef} />}
    </section>
  );
}
