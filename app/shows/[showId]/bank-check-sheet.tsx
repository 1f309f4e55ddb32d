'use client';

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { BankCheckResult } from '@/server/domain/brand-payments';
import { primaryButtonClass, secondaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import { loadStripeJs } from '../../account/wallet/stripe/load-stripe';
import { finishBankCheckAction, startBankCheckAction } from './bank-check-actions';

type Phase = 'loading' | 'bank' | 'paid' | 'declined' | 'waiting' | 'error';

/**
 * 3-D Secure over the stream (issue 21 item 1): a one tap whose bank asks the buyer to authenticate opens this
 * sheet; Stripe.js's handleNextAction shows the bank's check, then the order is finished at once (Stripe's
 * webhook would too). Closing it leaves the order waiting (its hold) until the sweeper gives it back; the card
 * then offers to continue. Loaded on that tap, with Stripe.js, never with the page.
 *
 * Stripe.js draws the bank's check in a frame it adds to the page's body. A modal <dialog> would make that frame
 * inert (everything outside the top layer is), so while the bank's window is up the sheet steps down to a plain
 * dialog under it, and comes back as a modal one once the bank has answered.
 */
export function BankCheckSheet({
  product,
  orderId,
  onOrder,
  onPaid,
  onDeclined,
  onRetry,
  onClose,
  returnFocusTo,
}: {
  product: string;
  /** The waiting order, once known (a reopened sheet continues it). */
  orderId: string | null;
  onOrder: (orderId: string) => void;
  onPaid: (result: BankCheckResult) => void;
  onDeclined: () => void;
  /** Declined: Buy again, with a new tap. */
  onRetry: () => void;
  onClose: () => void;
  returnFocusTo: React.RefObject<HTMLElement | null>;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [phase, setPhase] = useState<Phase>('loading');
  const [number, setNumber] = useState<number | null>(null);
  const mounted = useRef(true);
  const callbacks = useRef({ onOrder, onPaid, onDeclined, onClose });
  useEffect(() => {
    callbacks.current = { onOrder, onPaid, onDeclined, onClose };
  });

  useEffect(() => {
    mounted.current = true;
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    // A close while the sheet only steps down (modal to plain) finds it open again: not the buyer's close.
    const closed = () => dialog?.open || callbacks.current.onClose();
    dialog?.addEventListener('close', closed);
    const target = returnFocusTo.current;
    return () => {
      mounted.current = false;
      dialog?.removeEventListener('close', closed);
      target?.focus();
    };
  }, [returnFocusTo]);

  const modal = useCallback((on: boolean) => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    dialog.close();
    if (on) dialog.showModal();
    else dialog.show();
  }, []);

  const settle = useCallback((result: BankCheckResult) => {
    if (!mounted.current) return;
    setNumber(result.orderNumber);
    if (result.outcome === 'PAID') {
      setPhase('paid');
      callbacks.current.onPaid(result);
    } else if (result.outcome === 'RELEASED') {
      setPhase('declined');
      callbacks.current.onDeclined();
    } else setPhase('waiting');
  }, []);

  const run = useCallback(async () => {
    setPhase('loading');
    const start = await startBankCheckAction(orderId ? { orderId } : {});
    if (!mounted.current) return;
    if (!start.ok) return setPhase('error');
    const waiting = start.value;
    // Nothing waits any more (the webhook or the sweeper settled it): say how it ended.
    if (!waiting) {
      if (!orderId) return setPhase('error');
      const answer = await finishBankCheckAction({ orderId });
      return answer.ok ? settle(answer.value) : mounted.current && setPhase('error');
    }
    callbacks.current.onOrder(waiting.orderId);
    const stripe = await loadStripeJs(waiting.publishableKey);
    if (!mounted.current) return;
    if (!stripe) return setPhase('error');
    setPhase('bank');
    modal(false);
    // Whatever Stripe.js answers (passed, failed, the buyer closed the bank's window), our server asks Stripe.
    await stripe.handleNextAction({ clientSecret: waiting.clientSecret }).catch(() => null);
    if (!mounted.current) return;
    modal(true);
    const answer = await finishBankCheckAction({ orderId: waiting.orderId });
    if (!answer.ok) return mounted.current && setPhase('error');
    settle(answer.value);
  }, [orderId, modal, settle]);

  useEffect(() => {
    void run();
    // Once per opening: a later orderId (onOrder) is the same order.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const close = () => dialogRef.current?.close();

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-busy={phase === 'loading'}
      className="fixed inset-0 z-50 mx-0 mb-0 mt-auto w-full max-w-none overflow-hidden rounded-t-2xl bg-white p-0 text-ink shadow-2xl backdrop:bg-black/50 sm:m-auto sm:max-w-md sm:rounded-2xl"
      data-testid="bank-check-sheet"
      data-phase={phase}
    >
      <div className="flex max-h-[calc(100dvh-4rem)] flex-col sm:max-h-[90dvh]">
        <div className="flex shrink-0 items-start justify-between gap-3 border-b border-neutral-100 px-5 pb-3 pt-4">
          <h2 id={titleId} className="text-lg font-bold">
            {t('bankCheck.title', { product })}
          </h2>
          <button type="button" onClick={close} className={`${secondaryButtonClass} px-3 py-1 text-sm`} aria-label={t('bankCheck.close')}>
            ✕
          </button>
        </div>
        <div className="space-y-3 overflow-y-auto overscroll-contain px-5 py-4 text-sm" aria-live="polite">
          {phase === 'loading' && <p role="status">{t('bankCheck.loading')}</p>}
          {phase === 'bank' && <p role="status">{t('bankCheck.bank')}</p>}
          {phase === 'paid' && (
            <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 font-medium text-emerald-800">
              {t('bankCheck.paid', { number: String(number ?? '') })}
            </p>
          )}
          {phase === 'declined' && (
            <>
              <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-red-800">
                {t('bankCheck.declined')}
              </p>
              <button type="button" onClick={onRetry} className={`${primaryButtonClass} w-full`}>
                {t('bankCheck.tryAgain')}
              </button>
            </>
          )}
          {phase === 'waiting' && (
            <>
              <p role="status">{t('bankCheck.waiting')}</p>
              <button type="button" onClick={() => void run()} className={`${secondaryButtonClass} w-full`}>
                {t('bankCheck.checkAgain')}
              </button>
            </>
          )}
          {phase === 'error' && (
            <>
              <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-amber-900">
                {t('bankCheck.error')}
              </p>
              <button type="button" onClick={() => void run()} className={`${primaryButtonClass} w-full`}>
                {t('bankCheck.checkAgain')}
              </button>
              <a
                href={`/account/wallet/stripe/confirm${orderId ? `?order=${encodeURIComponent(orderId)}` : ''}`}
                target="_blank"
                rel="noopener"
                className="block text-center font-semibold text-brand-700 underline"
              >
                {t('bankCheck.openPage')}
              </a>
            </>
          )}
        </div>
      </div>
    </dialog>
  );
}
