'use client';

import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { BagView } from '@/server/domain/bag';
import { useI18n } from '../../_i18n/client';
import { formatPrice } from '../../_lib/format';
import { serverNow } from '../../_lib/server-clock';
import { BagLineItem } from './bag-line-item';
import { OneTapSetupSheet, type SheetStep } from './one-tap-setup-sheet';
import { useModalSheet } from './use-modal-sheet';
import { QR_RAIL_NAMES, QrPaySheet } from './qr-pay-sheet';
import type { QrPaymentView } from '@/server/domain/qr-payments';
import { errorText } from '@/app/_i18n/error-text';
import type { BagCheckoutResult, BagControls } from './use-bag';
import { oneTapWalletSummaryAction, type OneTapWalletSummary } from './wallet-actions';

/**
 * The bag as a sheet over the show (a side panel on wide screens). A native
 * modal dialog: focus moves in and stays in, Escape, a tap outside or a swipe
 * down on its top bar closes it, and the page behind is inert. Loaded only when first opened, so the player stays light.
 */
export default function BagDrawer({ controls, live, onClose }: { controls: BagControls; live: boolean; onClose: () => void }) {
  const { t, intl } = useI18n();
  const { close, dialogProps, handleProps } = useModalSheet(onClose);
  const { bag } = controls;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [paid, setPaid] = useState<Extract<BagCheckoutResult, { ok: true }>['order'] | null>(null);
  // A bag order waiting for its bank QR payment (issue 21).
  const [qrOrder, setQrOrder] = useState<QrPaymentView | null>(null);
  const [code, setCode] = useState(controls.couponCode ?? '');
  // A declined payment offers "Change card": the card sheet opens over the bag, and Pay runs again on the new card.
  const [declined, setDeclined] = useState(false);
  const [changingCard, setChangingCard] = useState(false);
  // Where the order ships and which card pays, said before Pay; "Change" opens the sheet on that step.
  const [wallet, setWallet] = useState<OneTapWalletSummary | null>(null);
  const [changing, setChanging] = useState<Extract<SheetStep, 'card' | 'address'> | null>(null);
  // After Pay, focus goes to its answer (the confirmation or the refusal), not to the page body.
  const resultRef = useRef<HTMLParagraphElement>(null);
  const [paidEpoch, setPaidEpoch] = useState(0);
  const loadWallet = useCallback(() => {
    oneTapWalletSummaryAction().then(setWallet, () => setWallet(null));
  }, []);
  useEffect(loadWallet, [loadWallet]);
  useEffect(() => {
    if (paidEpoch > 0) resultRef.current?.focus();
  }, [paidEpoch]);

  useEffect(() => {
    void controls.refresh().then((answer) => !answer.ok && setError(answer.message));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fresh stock and prices each time the bag opens
  }, []);

  // A deal price lasts until the deal's end: read the bag again then, so the total
  // shown before paying never holds a price that has gone (the checkout prices
  // the bag as it is at that moment; see server/domain/bag/bag-checkout.ts).
  const { refresh } = controls;
  const dealEndsAt = bag?.lines.flatMap((line) => (line.deal ? [line.deal.endsAt] : [])).sort()[0] ?? null;
  useEffect(() => {
    if (!dealEndsAt) return;
    const timer = setTimeout(() => void refresh(), Math.max(0, Date.parse(dealEndsAt) - serverNow()) + 250);
    return () => clearTimeout(timer);
  }, [dealEndsAt, refresh]);

  async function run(action: () => Promise<{ ok: true } | { ok: false; message: string }>) {
    setBusy(true);
    setError(null);
    const answer = await action();
    if (!answer.ok) setError(answer.message);
    setBusy(false);
  }

  async function pay(method: 'CARD' | 'QR' = 'CARD') {
    setBusy(true);
    setError(null);
    setPaid(null);
    setQrOrder(null);
    setDeclined(false);
    const result = await controls.checkout(crypto.randomUUID(), method);
    if (result.ok && result.order.qr) setQrOrder(result.order.qr);
    else if (result.ok) setPaid(result.order);
    else {
      setError(result.message);
      setDeclined(result.code === 'PAYMENT_DECLINED');
    }
    setBusy(false);
    setPaidEpoch((n) => n + 1);
  }

  // Stable for the sheet (it calls onSaved from an effect), yet paying with the bag as it is now.
  const payRef = useRef(pay);
  useEffect(() => {
    payRef.current = pay;
  });
  const closeCardSheet = useCallback(() => setChangingCard(false), []);
  const cardChanged = useCallback(() => {
    setChangingCard(false);
    loadWallet();
    void payRef.current();
  }, [loadWallet]);
  const closeChange = useCallback(() => setChanging(null), []);
  // Paid: the bag was emptied with the order; expired: its units are back on sale. Either way, read it again.
  const settleQr = useCallback(
    (settled: QrPaymentView) => {
      setQrOrder(settled);
      void refresh();
    },
    [refresh],
  );
  const changed = useCallback(() => {
    setChanging(null);
    loadWallet();
  }, [loadWallet]);

  function applyCoupon(event: FormEvent) {
    event.preventDefault();
    void run(() => controls.applyCoupon(code.trim() || null));
  }

  function removeCoupon() {
    setCode('');
    void run(() => controls.applyCoupon(null));
  }

  const qrWaiting = qrOrder?.status === 'AWAITING_PAYMENT';
  const blocked = !bag || bag.lines.length === 0 || bag.lines.some((line) => line.problem !== null);
  return (
    <dialog
      {...dialogProps}
      aria-labelledby="bag-heading"
      className="mx-0 mb-0 mt-auto max-h-[88dvh] w-full max-w-none overflow-y-auto rounded-t-2xl bg-white p-4 text-ink shadow-2xl backdrop:bg-black/50 md:my-0 md:ml-auto md:mr-0 md:h-dvh md:max-h-none md:w-[26rem] md:rounded-none"
    >
      <div {...handleProps} className="flex touch-none items-center justify-between">
        <h2 id="bag-heading" className="text-lg font-bold">
          {t('viewer.bag.title')}
        </h2>
        <button
          type="button"
          onClick={close}
          className="rounded-full px-3 py-1.5 text-sm font-semibold hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-brand-500"
        >
          {t('viewer.bag.close')}
        </button>
      </div>
      {paid && (
        <p
          ref={resultRef}
          tabIndex={-1}
          role="status"
          className="mt-3 rounded-lg bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-800"
        >
          {/* The order number is passed as a string so it is not grouped ("#1,024"). */}
          {t('viewer.bag.confirmed', {
            number: String(paid.orderNumber),
            count: paid.itemCount,
            total: formatPrice(paid.totalMinor, paid.currency, intl),
          })}
        </p>
      )}
      {error && (
        <p
          ref={paid ? undefined : resultRef}
          tabIndex={-1}
          role="alert"
          className="mt-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {error}
          {declined && (
            <>
              {' '}
              <button type="button" onClick={() => setChangingCard(true)} aria-haspopup="dialog" className="font-semibold underline">
                {t('viewer.product.changeCard')}
              </button>
            </>
          )}
        </p>
      )}
      {qrOrder && <QrPaySheet key={qrOrder.orderId} initial={qrOrder} status={controls.qrStatus} onSettled={settleQr} />}
      {changingCard && <OneTapSetupSheet step="card" onSaved={cardChanged} onClose={closeCardSheet} />}
      {changing && <OneTapSetupSheet step={changing} change onSaved={changed} onClose={closeChange} />}
      {!bag ? (
        !error && <p className="py-8 text-center text-neutral-600">{t('viewer.bag.loading')}</p>
      ) : bag.lines.length === 0 ? (
        !paid && <p className="py-8 text-center text-neutral-600">{t('viewer.bag.empty')}</p>
      ) : (
        <>
          <ul aria-label={t('viewer.bag.items')} className="divide-y divide-neutral-200">
            {bag.lines.map((line) => (
              <BagLineItem
                key={line.variantId}
                line={line}
                maxPerBuyer={bag.maxPerBuyer}
                busy={busy}
                onQuantity={(q) => void run(() => controls.setQuantity(line.variantId, q))}
              />
            ))}
          </ul>
          <CouponForm bag={bag} code={code} setCode={setCode} busy={busy} onSubmit={applyCoupon} onRemove={removeCoupon} />
          {wallet && <WalletLines wallet={wallet} onChange={setChanging} />}
          <Totals bag={bag} />
          {!live && <p className="mt-3 text-sm text-neutral-700">{t('viewer.bag.payWhileLive')}</p>}
          <button
            type="button"
            onClick={() => void pay()}
            disabled={busy || blocked || !live || qrWaiting}
            className="mt-4 w-full rounded-full bg-brand-500 py-3 text-base font-bold text-white hover:bg-brand-600 disabled:bg-neutral-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
          >
            {busy ? t('viewer.bag.working') : t('viewer.bag.pay', { total: formatPrice(bag.totals.totalMinor, bag.currency, intl) })}
          </button>
          {controls.qrKind && !qrWaiting && (
            <button
              type="button"
              data-testid="pay-by-qr"
              onClick={() => void pay('QR')}
              disabled={busy || blocked || !live}
              className="mt-2 w-full rounded-full border-2 border-brand-500 py-3 text-base font-bold text-brand-700 hover:bg-brand-50 disabled:border-neutral-300 disabled:text-neutral-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
            >
              {t('viewer.qr.payByQr', {
                total: formatPrice(bag.totals.totalMinor, bag.currency, intl),
                rail: QR_RAIL_NAMES[controls.qrKind],
              })}
            </button>
          )}
        </>
      )}
    </dialog>
  );
}

function CouponForm({
  bag,
  code,
  setCode,
  busy,
  onSubmit,
  onRemove,
}: {
  bag: BagView;
  code: string;
  setCode: (c: string) => void;
  busy: boolean;
  onSubmit: (e: FormEvent) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  return (
    <form onSubmit={onSubmit} className="mt-3 space-y-1" aria-label={t('viewer.bag.coupon')}>
      <label htmlFor="bag-coupon" className="block text-sm font-medium">
        {t('viewer.bag.couponCode')}
      </label>
      <div className="flex gap-2">
        <input
          id="bag-coupon"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoCapitalize="characters"
          autoComplete="off"
          maxLength={32}
          aria-invalid={bag.couponError ? true : undefined}
          aria-describedby={bag.couponError ? 'bag-coupon-error' : undefined}
          className="min-w-0 flex-1 rounded-lg border border-neutral-300 px-3 py-2 uppercase focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
        />
        <button
          type="submit"
          disabled={busy || !code.trim()}
          className="rounded-full border border-neutral-300 px-4 py-2 font-semibold hover:bg-neutral-100 disabled:opacity-50"
        >
          {t('viewer.bag.apply')}
        </button>
      </div>
      {bag.couponError && (
        // The refused code is already dropped (see useBag): Pay goes through without it.
        // "Remove code" also clears the field and the message.
        <p id="bag-coupon-error" className="text-sm font-medium text-red-700">
          {errorText(t, bag.couponError)}{' '}
          <button type="button" onClick={onRemove} disabled={busy} className="font-semibold underline">
            {t('viewer.bag.removeCode')}
          </button>
        </p>
      )}
      {bag.coupon && (
        <p className="text-sm text-emerald-800">
          {t('viewer.bag.couponApplied', { code: bag.coupon.code })}{' '}
          <button type="button" onClick={onRemove} className="font-semibold underline">
            {t('viewer.bag.removeCode')}
          </button>
        </p>
      )}
    </form>
  );
}

function WalletLines({ wallet, onChange }: { wallet: OneTapWalletSummary; onChange: (step: 'card' | 'address') => void }) {
  const { t } = useI18n();
  const line = (step: 'card' | 'address', text: string, label: string, testId: string, saved: boolean) => (
    <p className="flex items-baseline justify-between gap-3" data-testid={testId}>
      <span className="min-w-0">{text}</span>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-label={saved ? label : undefined}
        onClick={() => onChange(step)}
        className="shrink-0 font-semibold text-brand-700 underline"
      >
        {saved ? t('viewer.bag.change') : t('viewer.bag.add')}
      </button>
    </p>
  );
  return (
    <div className="mt-4 space-y-1 border-t border-neutral-200 pt-3 text-sm">
      {line(
        'address',
        wallet.shipsTo ? t('viewer.bag.shipsTo', { address: wallet.shipsTo }) : t('viewer.bag.noAddress'),
        t('viewer.bag.changeAddressLabel'),
        'ships-to',
        wallet.shipsTo !== null,
      )}
      {line(
        'card',
        wallet.paysWith ? t('viewer.bag.paysWith', { card: wallet.paysWith }) : t('viewer.bag.noCard'),
        t('viewer.bag.changeCardLabel'),
        'pays-with',
        wallet.paysWith !== null,
      )}
    </div>
  );
}

function Totals({ bag }: { bag: BagView }) {
  const { t, intl } = useI18n();
  const { totals, currency, shipping } = bag;
  const price = (minor: number) => formatPrice(minor, currency, intl);
  return (
    <dl className="mt-4 space-y-1 border-t border-neutral-200 pt-3 text-sm" aria-label={t('viewer.bag.orderTotal')}>
      <div className="flex justify-between">
        <dt>{t('viewer.bag.subtotal')}</dt>
        <dd className="tabular-nums">{price(totals.subtotalMinor)}</dd>
      </div>
      <div className="flex justify-between">
        <dt>{t('viewer.bag.shipping')}</dt>
        <dd className="tabular-nums">{totals.shippingMinor === 0 ? t('viewer.bag.free') : price(totals.shippingMinor)}</dd>
      </div>
      {bag.freeShippingMissingMinor !== null && shipping.freeShippingOverMinor !== null && (
        <p className="text-xs text-neutral-600" data-testid="free-shipping-hint">
          {t('viewer.bag.freeShippingHint', {
            threshold: price(shipping.freeShippingOverMinor),
            missing: price(bag.freeShippingMissingMinor),
          })}
        </p>
      )}
      {totals.discountMinor > 0 && (
        <div className="flex justify-between text-emerald-800">
          <dt>{bag.coupon ? t('viewer.bag.discountWithCode', { code: bag.coupon.code }) : t('viewer.bag.discount')}</dt>
          <dd className="tabular-nums">−{price(totals.discountMinor)}</dd>
        </div>
      )}
      <div className="flex justify-between border-t border-neutral-200 pt-2 text-base font-bold">
        <dt>{t('viewer.bag.total')}</dt>
        <dd className="tabular-nums">{price(totals.totalMinor)}</dd>
      </div>
    </dl>
  );
}
