'use client';

import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ErrorCode } from '@/server/domain/errors';
import type { ProductCard } from '@/server/domain/catalog';
import type { ShippingRule } from '@/server/domain/pricing';
import type { DealView } from '@/server/domain/shows';
import type { OrderConfirmation } from '@/server/realtime/protocol';
import { useI18n } from '../../_i18n/client';
import { formatPrice } from '../../_lib/format';
import { formatCountdown, useCountdown } from '../../_lib/use-countdown';
import { SheetLoading } from './loading-status';
import { ShippingNote } from './shipping-note';
import { SignInToBuy } from './sign-in-to-buy';
import { NotifyMe } from './waitlist/notify-me';
import type { WaitlistState } from '@/server/domain/waitlist';
import type { QrKind, QrPaymentView } from '@/server/domain/qr-payments';
import type { BankCheckResult } from '@/server/domain/brand-payments';
import { QR_RAIL_NAMES } from './qr-rail-names';

/** A refused tap carries its message already worded in the viewer's language. */
export type BuyResult =
  | { ok: true; order: OrderConfirmation }
  /** href: a page of its own that fixes this refusal (a brand's Stripe card form); bankCheck: the bank asks for 3-D Secure (a sheet). */
  | { ok: false; message: string; code?: ErrorCode; href?: string; bankCheck?: true };

// Only a first-time buyer (or one whose card was declined) ever needs the sheet: its form code loads on first use.
const OneTapSetupSheet = lazy(() => import('./one-tap-setup-sheet').then((m) => ({ default: m.OneTapSetupSheet })));
// The code of a one tap paid by a bank QR (issue 21) loads on that tap, with the QR encoder.
const OneTapQrSheet = lazy(() => import('./one-tap-qr-sheet').then((m) => ({ default: m.OneTapQrSheet })));
// The bank's 3-D Secure check over the stream (issue 21 item 1) loads on the tap that needs it, with Stripe.js.
const BankCheckSheet = lazy(() => import('./bank-check-sheet').then((m) => ({ default: m.BankCheckSheet })));
/** method QR: paid by the brand's bank QR code instead of the saved card. */
type Tap = { variantId: string; key: string; dealId: string | null; method?: 'QR' };
/** A one tap reserved for its QR payment, and whether its sheet is open. */
type QrWait = { order: OrderConfirmation; qr: QrPaymentView; open: boolean };
/** A one tap waiting for the bank's 3-D Secure check: its order (once the sheet knows it), and whether the sheet is open or it ended. */
type BankWait = { tap: Tap; orderId: string | null; open: boolean; settled: boolean };
// A second tap on the same option this soon after a purchase is more often a double tap than a wish for a second
// order (each one-tap order is charged its own shipping): it asks first.
const REPEAT_WINDOW_MS = 60_000;

/** A refusal the sheet can fix. Falls back to the catalogue message while the caller does not pass the code. */
function needsWallet(result: BuyResult): boolean {
  if (result.ok || result.href || result.bankCheck) return false;
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
  shipping,
  back,
  more,
  waitlist,
  rating,
  qrPay,
}: {
  product: ProductCard;
  deal: DealView | null;
  canBuy: boolean;
  live: boolean;
  onBuy: (variantId: string, idempotencyKey: string, dealId: string | null, method?: 'QR') => Promise<BuyResult>;
  /** Puts the chosen variant in the viewer's bag (at its regular price); the viewer page shows the result. */
  onAddToBag?: (variantId: string) => void;
  /** The brand's shipping rule, once the bag has brought it: a line under Buy says what the price on it adds, inside the card so it stays with the button it explains. */
  shipping?: { rule: ShippingRule; currency: string } | null;
  /** Set when the viewer opened this product from the lineup: the way back, and its label. */
  back?: { label: string; onBack: () => void };
  /** On a phone, in the opened card: the rest of the lineup (a wide screen lists it beside the video). */
  more?: ReactNode;
  /** The viewer's waitlists: "Notify me" on a sold-out variant, and Buy for a unit held for them. */
  waitlist?: {
    state: (variantId: string) => WaitlistState | undefined;
    isHeld: (variantId: string) => boolean;
    join: (variantId: string) => Promise<string | null>;
  };
  /** The product's rating, worded by the page; a tap opens its reviews beside the show (a new tab keeps the stream). */
  rating?: { text: string; label: string } | undefined;
  /** The bank QR rail the show's brand takes (issue 21): a second Buy pays by its code, and where its payment stands. */
  qrPay?: { kind: QrKind; status: (orderId: string) => Promise<QrPaymentView | null> } | null;
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
  // The last purchase from this card, and a repeat tap waiting for "Buy another?".
  const lastBuyRef = useRef<{ variantId: string; at: number } | null>(null);
  const [repeatTap, setRepeatTap] = useState<Tap | null>(null);
  const [qrWait, setQrWait] = useState<QrWait | null>(null);
  const [bankWait, setBankWait] = useState<BankWait | null>(null);
  // Buy is disabled while its tap is sent, which drops focus to the page: the answer takes it instead.
  const resultRef = useRef<HTMLParagraphElement>(null);
  const [answered, setAnswered] = useState(0);
  useEffect(() => {
    if (answered > 0) resultRef.current?.focus();
  }, [answered]);
  // On a phone the card starts as a compact bar (picture, name, price, Buy) so the video stays in view; a tap opens the rest.
  // A product opened from the lineup opens with its options in view: the viewer asked to see it.
  const [expanded, setExpanded] = useState(back !== undefined);
  // Classes for what only the opened card shows on a phone; a wide screen always shows the whole card.
  const full = expanded ? '' : 'hidden md:block';
  // Compact on a phone: picture and name, then Buy, then the toggle on one line; notes and answers below.
  const below = expanded ? 'basis-full' : 'order-3 basis-full';

  // A unit held for this viewer (the waitlist) is what they came back for: the card turns to its variant.
  const heldId = product.variants.find((v) => waitlist?.isHeld(v.id))?.id ?? null;
  useEffect(() => {
    if (heldId) setVariantId(heldId);
  }, [heldId]);
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
  // The bank confirmed (the order is confirmed here as a card tap is) or the code expired (the unit went back on sale).
  const qrOrder = qrWait?.order;
  const qrSettled = useCallback(
    (settled: QrPaymentView) => {
      setQrWait((wait) => wait && { ...wait, qr: settled });
      if (!qrOrder) return;
      setResult(settled.status === 'PAID' ? { ok: true, order: qrOrder } : { ok: false, message: t('qrOneTap.expired') });
    },
    [qrOrder, t],
  );
  const closeQrSheet = useCallback(() => setQrWait((wait) => wait && { ...wait, open: false }), []);
  // Closed while the bank's check waits: the order keeps its hold, and the card offers to continue.
  const closeBankSheet = useCallback(() => setBankWait((wait) => wait && (wait.settled ? null : { ...wait, open: false })), []);
  const bankOrder = useCallback((orderId: string) => setBankWait((wait) => wait && { ...wait, orderId }), []);
  const bankTapVariant = bankWait?.tap.variantId;
  const bankVariant = product.variants.find((v) => v.id === bankTapVariant)?.name ?? '';
  const bankPaid = useCallback(
    (paid: BankCheckResult) => {
      setBankWait((wait) => wait && { ...wait, settled: true });
      // Bought, as a card tap that needed no check: the next tap on it asks "Buy another?".
      if (bankTapVariant) lastBuyRef.current = { variantId: bankTapVariant, at: Date.now() };
      setResult({
        ok: true,
        order: {
          orderId: bankWait?.orderId ?? '',
          orderNumber: paid.orderNumber,
          totalMinor: paid.totalMinor,
          currency: paid.currency,
          productTitle: product.title,
          variantName: bankVariant,
          quantity: 1,
          replayed: false,
        },
      });
    },
    [bankWait?.orderId, bankTapVariant, bankVariant, product.title],
  );
  const bankDeclined = useCallback(() => {
    setBankWait((wait) => wait && { ...wait, settled: true });
    setResult({ ok: false, message: t('bankCheck.declined') });
  }, [t]);

  const variant = product.variants.find((v) => v.id === variantId) ?? product.variants[0];
  if (!variant) return null;
  // A unit held for this viewer (the waitlist) is theirs to buy though the stock reads zero.
  const held = waitlist?.isHeld(variant.id) ?? false;
  const soldOut = variant.stock <= 0 && !held;
  // A product the brand turned back into a draft (or archived) mid-show is shown, never sold.
  const onSale = product.status === 'ACTIVE';
  const dealLeft = productDeal?.quantityCap != null ? productDeal.quantityCap - productDeal.soldCount : null;
  const activeDeal = productDeal && productDeal.variantId === variant.id && secondsLeft > 0 && dealLeft !== 0 ? productDeal : null;
  const price = activeDeal ? activeDeal.priceMinor : variant.priceMinor;
  const noteShown = shipping && <ShippingNote rule={shipping.rule} currency={shipping.currency} priceMinor={price} />;

  async function send(tap: Tap) {
    setPending(true);
    setResult(null);
    setDeclinedTap(null);
    const answer = await onBuy(tap.variantId, tap.key, tap.dealId, tap.method);
    setPending(false);
    if (answer.ok && !answer.order.replayed) lastBuyRef.current = { variantId: tap.variantId, at: Date.now() };
    if (needsWallet(answer)) return setWaitingTap({ ...tap, step: 'setup' });
    // The bank asks for 3-D Secure: the order holds its units while the sheet runs the check.
    if (!answer.ok && answer.bankCheck) return setBankWait({ tap, orderId: null, open: true, settled: false });
    // Reserved, not paid: the sheet shows the code until the bank confirms or it expires.
    if (answer.ok && answer.order.qr) return setQrWait({ order: answer.order, qr: answer.order.qr, open: true });
    setResult(answer);
    if (!answer.ok && answer.code === 'PAYMENT_DECLINED') setDeclinedTap(tap);
    setAnswered((n) => n + 1);
  }

  function retryAfterBank() {
    if (!bankWait) return;
    setBankWait(null);
    // A new key: the declined order is gone, and a repeated key would answer with it.
    void send({ ...bankWait.tap, key: crypto.randomUUID() });
  }

  function changeCard() {
    if (!declinedTap) return;
    // A new key: a provider may answer a repeated key with its first answer, the decline.
    setWaitingTap({ ...declinedTap, key: crypto.randomUUID(), step: 'card' });
  }

  function buy(method?: 'QR') {
    if (!variant) return;
    const tap: Tap = { variantId: variant.id, key: crypto.randomUUID(), dealId: activeDeal?.id ?? null, method };
    const last = lastBuyRef.current;
    if (last && last.variantId === tap.variantId && Date.now() - last.at < REPEAT_WINDOW_MS) return setRepeatTap(tap);
    void send(tap);
  }

  function buyAnother() {
    if (!repeatTap) return;
    setRepeatTap(null);
    void send(repeatTap);
  }

  return (
    <section
      aria-label={back ? t('viewer.product.lineupRegion') : t('viewer.product.region')}
      className={`flex flex-wrap items-center gap-x-2 rounded-2xl bg-white/95 text-ink shadow-xl backdrop-blur md:block md:p-3 ${expanded ? 'p-3' : 'p-2'}`}
      data-testid="pinned-product"
      data-expanded={expanded}
    >
      {back && (
        <button type="button" onClick={back.onBack} className="mb-2 basis-full text-left text-sm font-semibold text-brand-700 underline">
          <span aria-hidden>← </span>
          {back.label}
        </button>
      )}
      <div className={`flex min-w-0 flex-1 gap-3 ${expanded ? '' : 'items-center md:items-start'}`}>
        {product.imageUrl && (
          <img
            src={product.imageUrl}
            alt=""
            width={80}
            height={80}
            className={`shrink-0 rounded-xl object-cover md:h-20 md:w-20 ${expanded ? 'h-20 w-20' : 'h-10 w-10'}`}
          />
        )}
        <div className="min-w-0 flex-1">
          <h2 className={`truncate font-semibold md:text-base ${expanded ? '' : 'text-sm'}`}>{product.title}</h2>
          {rating && (
            <a
              href={`/products/${product.id}#reviews`}
              target="_blank"
              rel="noopener"
              aria-label={rating.label}
              className="inline-flex min-h-6 items-center text-xs font-semibold text-amber-800 underline-offset-2 hover:underline"
              data-testid="card-rating"
            >
              {rating.text}
            </a>
          )}
          <p className={`font-bold md:text-lg ${expanded ? 'text-lg' : 'text-sm'}`}>
            {formatPrice(price, variant.currency, intl)}
            {!expanded && product.variants.length > 1 && <span className="font-normal md:hidden"> · {variant.name}</span>}
            {activeDeal && (
              <s className="ml-2 text-sm font-normal text-neutral-500">{formatPrice(variant.priceMinor, variant.currency, intl)}</s>
            )}
          </p>
          <p
            aria-live="polite"
            className={`${soldOut ? 'text-sm font-semibold text-red-700' : 'text-sm text-neutral-600'} ${full}`}
            data-testid="stock-left"
          >
            {soldOut ? t('viewer.product.soldOut') : t('viewer.product.left', { count: variant.stock })}
          </p>
        </div>
      </div>
      <button
        type="button"
        aria-expanded={expanded}
        aria-label={expanded ? t('viewer.product.lessDetails') : t('viewer.product.moreDetails')}
        onClick={() => setExpanded((open) => !open)}
        className={`grid h-8 w-8 shrink-0 place-items-center self-start rounded-full border border-neutral-300 text-sm focus-visible:outline-2 focus-visible:outline-brand-500 md:hidden ${expanded ? '' : 'order-2 self-center'}`}
      >
        <span aria-hidden>{expanded ? '▾' : '▴'}</span>
      </button>
      {productDeal && secondsLeft > 0 && dealLeft !== 0 && (
        <p
          className={`mt-2 flex items-center justify-between rounded-lg bg-brand-500 px-3 py-1.5 text-sm font-semibold text-white ${below}`}
          data-testid="deal-banner"
        >
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
        <fieldset className={`mt-2 basis-full ${full}`}>
          <legend className="sr-only">{t('viewer.product.chooseOption')}</legend>
          <div className="flex flex-wrap gap-2">
            {product.variants.map((v) => (
              <label
                key={v.id}
                className={`cursor-pointer rounded-full border px-3 py-1 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 ${v.id === variant.id ? 'border-ink bg-ink text-white' : 'border-neutral-300'}`}
              >
                <input
                  type="radio"
                  name={`variant-${product.id}`}
                  value={v.id}
                  checked={v.id === variant.id}
                  onChange={() => setVariantId(v.id)}
                  className="sr-only"
                />
                {v.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {!onSale ? (
        <p
          className={`mt-3 rounded-full bg-neutral-100 py-3 text-center text-sm font-semibold text-neutral-700 ${below}`}
          data-testid="not-on-sale"
        >
          {t('viewer.product.notOnSale')}
        </p>
      ) : canBuy ? (
        <button
          ref={buyButtonRef}
          type="button"
          onClick={() => buy()}
          disabled={pending || soldOut || !live || repeatTap !== null}
          className={`rounded-full bg-brand-500 font-bold md:mt-3 md:w-full md:py-3 md:text-base ${expanded ? 'mt-3 w-full basis-full py-3 text-base' : 'order-1 shrink-0 px-4 py-2.5 text-sm'} text-white hover:bg-brand-600 disabled:bg-neutral-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500`}
        >
          {pending
            ? t('viewer.product.buying')
            : soldOut
              ? t('viewer.product.soldOut')
              : t('viewer.product.buyNow', { price: formatPrice(price, variant.currency, intl) })}
        </button>
      ) : (
        <div className={below}>
          <SignInToBuy />
        </div>
      )}
      {onSale && canBuy && onAddToBag && (
        <button
          type="button"
          onClick={() => onAddToBag(variant.id)}
          disabled={soldOut || !live}
          className={`mt-2 w-full basis-full rounded-full border border-ink py-2.5 ${expanded ? '' : 'hidden md:block'} text-sm font-bold text-ink hover:bg-neutral-100 disabled:border-neutral-300 disabled:text-neutral-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500`}
        >
          {t('viewer.product.addToBag')}
        </button>
      )}
      {onSale && canBuy && qrPay && (
        <button
          type="button"
          onClick={() => buy('QR')}
          disabled={pending || soldOut || !live || repeatTap !== null}
          data-testid="buy-by-qr"
          className={`mt-2 w-full basis-full rounded-full border border-brand-500 py-2.5 ${expanded ? '' : 'hidden md:block'} text-sm font-bold text-brand-700 hover:bg-brand-50 disabled:border-neutral-300 disabled:text-neutral-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500`}
        >
          {t('qrOneTap.buyWith', { rail: QR_RAIL_NAMES[qrPay.kind] })}
        </button>
      )}
      {qrWait && !qrWait.open && qrWait.qr.status === 'AWAITING_PAYMENT' && (
        <button
          type="button"
          aria-haspopup="dialog"
          onClick={() => setQrWait({ ...qrWait, open: true })}
          className={`mt-2 text-left text-sm font-semibold text-brand-700 underline ${below}`}
        >
          {t('qrOneTap.showAgain', { number: String(qrWait.order.orderNumber) })}
        </button>
      )}
      {bankWait && !bankWait.open && !bankWait.settled && (
        <div className={`mt-2 text-sm ${below}`}>
          <button
            type="button"
            aria-haspopup="dialog"
            onClick={() => setBankWait({ ...bankWait, open: true })}
            className="text-left font-semibold text-brand-700 underline"
          >
            {t('bankCheck.continue')}
          </button>
          <p className="text-neutral-600">{t('bankCheck.holdNote')}</p>
        </div>
      )}
      {held && (
        <p className={`mt-2 rounded-lg bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-800 ${below}`} data-testid="held-for-you">
          {t('viewer.waitlist.heldNote')}
        </p>
      )}
      {soldOut && onSale && canBuy && live && waitlist && (
        <NotifyMe
          key={variant.id}
          variantName={variant.name}
          state={waitlist.state(variant.id)}
          onNotify={() => waitlist.join(variant.id)}
          className={below}
        />
      )}
      {noteShown && <div className={below}>{noteShown}</div>}
      {more && expanded && <div className="mt-2 basis-full md:hidden">{more}</div>}
      {repeatTap && (
        <div role="alert" className={`mt-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ${below}`} data-testid="buy-another">
          <p>{t('viewer.product.buyAnotherQuestion')}</p>
          <div className="mt-2 flex gap-2">
            <button
              type="button"
              onClick={buyAnother}
              className="rounded-full bg-brand-500 px-4 py-1.5 font-semibold text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
            >
              {t('viewer.product.buyAnother')}
            </button>
            <button
              type="button"
              onClick={() => setRepeatTap(null)}
              className="rounded-full border border-neutral-400 px-4 py-1.5 font-semibold focus-visible:outline-2 focus-visible:outline-brand-500"
            >
              {t('viewer.product.keepOne')}
            </button>
          </div>
        </div>
      )}
      <div aria-live="polite" className={`empty:hidden ${below}`}>
        {result?.ok && (
          <p
            ref={resultRef}
            tabIndex={-1}
            role="status"
            className="mt-2 rounded-lg bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-800"
          >
            {t('viewer.product.confirmed', {
              // A string, so the number is not grouped ("#1,024"): it is an identifier.
              number: String(result.order.orderNumber),
              product: result.order.productTitle,
              variant: result.order.variantName,
              total: formatPrice(result.order.totalMinor, result.order.currency, intl),
            })}
            {result.order.bought && (
              <span data-testid="bought-of">
                {' '}
                {t('viewer.product.boughtOf', { units: result.order.bought.units, max: result.order.bought.max })}
              </span>
            )}
          </p>
        )}
        {result && !result.ok && (
          <p ref={resultRef} tabIndex={-1} role="alert" className="mt-2 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
            {result.href ? (
              // Stripe's pages run in their own tab, so the stream keeps playing here.
              <a href={result.href} target="_blank" rel="noopener" className="underline">
                {result.message}
              </a>
            ) : (
              result.message
            )}
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
      {waitingTap && (
        <Suspense fallback={<SheetLoading />}>
          <OneTapSetupSheet step={waitingTap.step} onSaved={walletSaved} onClose={closeSheet} returnFocusTo={buyButtonRef} />
        </Suspense>
      )}
      {bankWait?.open && (
        <Suspense fallback={<SheetLoading />}>
          <BankCheckSheet
            product={product.title}
            orderId={bankWait.orderId}
            onOrder={bankOrder}
            onPaid={bankPaid}
            onDeclined={bankDeclined}
            onRetry={retryAfterBank}
            onClose={closeBankSheet}
            returnFocusTo={buyButtonRef}
          />
        </Suspense>
      )}
      {qrWait?.open && qrPay && (
        <Suspense fallback={<SheetLoading />}>
          <OneTapQrSheet
            key={qrWait.order.orderId}
            product={qrWait.order.productTitle}
            qr={qrWait.qr}
            status={qrPay.status}
            onSettled={qrSettled}
            onClose={closeQrSheet}
            returnFocusTo={buyButtonRef}
          />
        </Suspense>
      )}
    </section>
  );
}
