'use client';

import { useEffect, useId } from 'react';
import type { QrPaymentView } from '@/server/domain/qr-payments';
import { secondaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import { QrPaySheet } from './qr-pay-sheet';
import { useModalSheet } from './use-modal-sheet';

/**
 * A one-tap Buy paid by a bank QR code (issue 21): the bag's QR sheet in a modal <dialog> over the stream, so the
 * code (wide screen) or the banking app's link (phone) and the reservation's time left stay in view while the
 * show plays behind. It asks where the payment stands like the bag's sheet does. Loaded on the tap (with the
 * QR encoder), never with the page.
 */
export function OneTapQrSheet({
  product,
  qr,
  status,
  onSettled,
  onClose,
  returnFocusTo,
}: {
  product: string;
  qr: QrPaymentView;
  status: (orderId: string) => Promise<QrPaymentView | null>;
  onSettled: (settled: QrPaymentView) => void;
  onClose: () => void;
  returnFocusTo: React.RefObject<HTMLElement | null>;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const { close, dialogProps, handleProps } = useModalSheet(onClose);

  // Buy is disabled while its tap is sent, so focus goes back to it by name once the sheet closes.
  useEffect(() => {
    const target = returnFocusTo.current;
    return () => target?.focus();
  }, [returnFocusTo]);

  return (
    <dialog
      {...dialogProps}
      aria-labelledby={titleId}
      className="mx-0 mb-0 mt-auto w-full max-w-none overflow-hidden rounded-t-2xl bg-white p-0 text-ink shadow-2xl backdrop:bg-black/50 sm:m-auto sm:max-w-md sm:rounded-2xl"
      data-testid="one-tap-qr-sheet"
    >
      <div className="flex max-h-[calc(100dvh-4rem)] flex-col sm:max-h-[90dvh]">
        <div
          {...handleProps}
          className="flex shrink-0 touch-none items-start justify-between gap-3 border-b border-neutral-100 px-5 pb-3 pt-4"
        >
          <h2 id={titleId} className="text-lg font-bold">
            {t('qrOneTap.title', { product })}
          </h2>
          <button type="button" onClick={close} className={`${secondaryButtonClass} px-3 py-1 text-sm`} aria-label={t('qrOneTap.close')}>
            ✕
          </button>
        </div>
        <div className="min-h-0 overflow-y-auto overscroll-contain px-5 pb-5">
          <QrPaySheet initial={qr} status={status} onSettled={onSettled} expiredText={t('qrOneTap.expired')} />
        </div>
      </div>
    </dialog>
  );
}
