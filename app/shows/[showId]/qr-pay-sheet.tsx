'use client';

import { useEffect, useRef, useState } from 'react';
import QRCode from 'qrcode';
import type { QrPaymentView } from '@/server/domain/qr-payments';
import { useI18n } from '../../_i18n/client';
import { formatPrice } from '../../_lib/format';
import { useCountdown } from '../../_lib/use-countdown';
import { QR_RAIL_NAMES } from './qr-rail-names';

export { QR_RAIL_NAMES };

// How often the sheet asks where the payment stands; the server asks the bank on its own schedule.
const STATUS_POLL_MS = 2000;

/**
 * A bag order waiting for its bank QR payment (issue 21): the code to scan on a wide screen, the
 * banking app's link on a phone (the code one tap away), the time left, and the answer once the
 * bank confirms (PAID) or the code expires (the units went back on sale, the bag still holds them).
 */
export function QrPaySheet({
  initial,
  status,
  onSettled,
  expiredText,
}: {
  initial: QrPaymentView;
  status: (orderId: string) => Promise<QrPaymentView | null>;
  onSettled: (settled: QrPaymentView) => void;
  /** What an expiry means here: a one tap has no bag that still holds the item. */
  expiredText?: string;
}) {
  const { t, intl } = useI18n();
  const [qr, setQr] = useState(initial);
  const [image, setImage] = useState<string | null>(null);
  const seconds = useCountdown(qr.status === 'AWAITING_PAYMENT' ? qr.expiresAt : null);
  const total = formatPrice(qr.amountMinor, qr.currency, intl);

  useEffect(() => {
    let live = true;
    QRCode.toDataURL(initial.qrPayload, { margin: 1, width: 240, errorCorrectionLevel: 'M' }).then(
      (url) => live && setImage(url),
      () => live && setImage(null),
    );
    return () => {
      live = false;
    };
  }, [initial.qrPayload]);

  // The callers' functions change with every render of the show page (each chat line): kept aside, so the
  // poll's timer is not restarted by them and still fires every STATUS_POLL_MS in a busy chat.
  const callbacks = useRef({ status, onSettled });
  useEffect(() => {
    callbacks.current = { status, onSettled };
  });

  useEffect(() => {
    if (qr.status !== 'AWAITING_PAYMENT') return;
    const timer = setInterval(() => {
      void callbacks.current.status(initial.orderId).then((next) => {
        if (!next) return;
        setQr(next);
        if (next.status !== 'AWAITING_PAYMENT') callbacks.current.onSettled(next);
      });
    }, STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [qr.status, initial.orderId]);

  if (qr.status === 'PAID')
    return (
      <p role="status" data-testid="qr-paid" className="mt-3 rounded-lg bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-800">
        {t('viewer.qr.paid', { number: String(qr.orderNumber) })}
      </p>
    );
  if (qr.status === 'EXPIRED')
    return (
      <p role="alert" data-testid="qr-expired" className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {expiredText ?? t('viewer.qr.expired')}
      </p>
    );

  const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  const code = image && (
    <img
      src={image}
      width={240}
      height={240}
      alt={t('viewer.qr.codeLabel', { total })}
      data-testid="qr-code"
      data-qr-payload={qr.qrPayload}
      className="mx-auto rounded-lg border border-neutral-200"
    />
  );
  return (
    <section
      aria-labelledby="qr-pay-heading"
      data-testid="qr-pay-sheet"
      className="mt-3 rounded-xl border border-neutral-200 p-3 text-center"
    >
      <h3 id="qr-pay-heading" className="font-bold">
        {t('viewer.qr.title')} · {QR_RAIL_NAMES[qr.kind]} · {total}
      </h3>
      <p role="timer" className="mt-1 font-mono text-lg tabular-nums" aria-label={t('viewer.qr.timeLeft', { time: clock })}>
        {clock}
      </p>
      {qr.deepLink && (
        <a
          href={qr.deepLink}
          data-testid="qr-deep-link"
          className="mt-2 block rounded-full bg-brand-500 py-3 font-bold text-white hover:bg-brand-600 md:hidden"
        >
          {t('viewer.qr.openApp')}
        </a>
      )}
      <div className="mt-3 hidden md:block">
        <p className="mb-2 text-sm text-neutral-700">{t('viewer.qr.scanHint')}</p>
        {code}
      </div>
      <details className="mt-3 text-sm md:hidden">
        <summary className="cursor-pointer font-semibold text-brand-700">{t('viewer.qr.showCode')}</summary>
        <div className="mt-2">{code}</div>
      </details>
      <p className="mt-3 text-sm text-neutral-600" aria-live="polite">
        {t('viewer.qr.waiting')}
      </p>
    </section>
  );
}
