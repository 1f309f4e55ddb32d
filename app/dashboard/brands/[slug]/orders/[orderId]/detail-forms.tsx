'use client';

import { useActionState, useId, useRef, useState } from 'react';
import { dangerButtonClass, FormMessage, inputClass, primaryButtonClass, secondaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import type { AdvanceTarget } from '@/server/domain/orders';
import { advanceOneAction, brandCancelAction, refundAction } from '../actions';

export function AdvanceForm({ slug, orderId, to }: { slug: string; orderId: string; to: AdvanceTarget }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(advanceOneAction, null);
  const id = useId();
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="to" value={to} />
      {to === 'SHIPPED' && (
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-1">
            <label htmlFor={`${id}-carrier`} className="block text-sm font-medium">
              {t('orders.common.carrier')}
            </label>
            <input
              id={`${id}-carrier`}
              name="carrier"
              required
              className={inputClass}
              placeholder={t('orders.brand.bulk.carrierPlaceholder')}
            />
          </div>
          <div className="space-y-1">
            <label htmlFor={`${id}-tracking`} className="block text-sm font-medium">
              {t('orders.common.trackingNumber')}
            </label>
            <input id={`${id}-tracking`} name="trackingNumber" required className={inputClass} />
          </div>
        </div>
      )}
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? t('orders.common.working') : t(`orders.brand.bulk.mark${to}`)}
      </button>
    </form>
  );
}

/**
 * The refund form with a confirm step: "Review refund" opens a modal <dialog>
 * summarising amount, restock and reason; only its "Refund now" submits.
 */
export function RefundForm({
  slug,
  orderId,
  number,
  refundKey,
  currency,
  left,
}: {
  slug: string;
  orderId: string;
  number: number;
  refundKey: string;
  currency: string;
  left: string;
}) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(refundAction, null);
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [review, setReview] = useState<{ amount: string; restock: boolean; reason: string } | null>(null);
  const openReview = (form: HTMLFormElement) => {
    const data = new FormData(form);
    setReview({
      amount: String(data.get('amount') ?? '').trim(),
      restock: data.get('restock') === 'on',
      reason: String(data.get('reason') ?? '').trim(),
    });
    dialog.current?.showModal();
  };
  return (
    <form
      action={(data) => {
        dialog.current?.close();
        action(data);
      }}
      // Enter in a field submits too: it reviews first, like the button.
      onSubmit={(event) => {
        if (dialog.current?.open) return;
        event.preventDefault();
        openReview(event.currentTarget);
      }}
      className="space-y-3"
      noValidate
    >
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="key" value={refundKey} />
      <div className="space-y-1">
        <label htmlFor={`${id}-amount`} className="block text-sm font-medium">
          {t('orders.brand.detail.refundAmount', { currency })}
        </label>
        <input id={`${id}-amount`} name="amount" inputMode="decimal" className={inputClass} aria-describedby={`${id}-amount-hint`} />
        <p id={`${id}-amount-hint`} className="text-xs text-neutral-600">
          {t('orders.brand.detail.refundAmountHint', { amount: left })}
        </p>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
          {t('orders.brand.detail.reason')}
        </label>
        <input id={`${id}-reason`} name="reason" maxLength={200} className={inputClass} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="restock" />
        {t('orders.brand.detail.restock')}
      </label>
      <FormMessage state={state} />
      {!state?.ok && (
        <button
          type="button"
          disabled={pending}
          className={dangerButtonClass}
          onClick={(event) => {
            if (event.currentTarget.form) openReview(event.currentTarget.form);
          }}
        >
          {pending ? t('orders.common.working') : t('orders.brand.detail.refundReview')}
        </button>
      )}
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-confirm-title`}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl p-5 backdrop:bg-black/50"
      >
        <h3 id={`${id}-confirm-title`} className="text-lg font-bold">
          {t('orders.brand.detail.confirmTitle', { number })}
        </h3>
        {review && (
          <dl className="mt-3 space-y-2 text-sm">
            <div className="flex justify-between gap-3">
              <dt className="font-medium">{t('orders.brand.detail.confirmAmount')}</dt>
              <dd className="text-right tabular-nums">
                {review.amount ? `${review.amount} ${currency}` : t('orders.brand.detail.confirmAmountAll', { amount: left })}
              </dd>
            </div>
            <div className="flex justify-between gap-3">
              <dt className="font-medium">{t('orders.brand.detail.confirmRestock')}</dt>
              <dd>{review.restock ? t('orders.brand.detail.confirmYes') : t('orders.brand.detail.confirmNo')}</dd>
            </div>
            <div className="flex justify-between gap-3">
              <dt className="font-medium">{t('orders.brand.detail.confirmReason')}</dt>
              <dd className="text-right">{review.reason || t('orders.brand.detail.confirmNoReason')}</dd>
            </div>
          </dl>
        )}
        <p className="mt-3 text-sm text-neutral-600">{t('orders.brand.detail.confirmEmail')}</p>
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <button type="button" className={secondaryButtonClass} onClick={() => dialog.current?.close()}>
            {t('orders.brand.detail.confirmBack')}
          </button>
          <button type="submit" disabled={pending} className={dangerButtonClass}>
            {t('orders.brand.detail.confirmButton')}
          </button>
        </div>
      </dialog>
    </form>
  );
}

export function BrandCancelForm({ slug, orderId, number }: { slug: string; orderId: string; number: number }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(brandCancelAction, null);
  const id = useId();
  return (
    <form
      action={action}
      className="space-y-3"
      onSubmit={(event) => {
        if (!window.confirm(t('orders.brand.detail.cancelConfirm', { number }))) event.preventDefault();
      }}
    >
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="orderId" value={orderId} />
      <div className="space-y-1">
        <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
          {t('orders.brand.detail.reason')}
        </label>
        <input id={`${id}-reason`} name="reason" maxLength={200} className={inputClass} />
      </div>
      <FormMessage state={state} />
      {!state?.ok && (
        <button type="submit" disabled={pending} className={dangerButtonClass}>
          {pending ? t('orders.common.working') : t('orders.brand.detail.cancelButton')}
        </button>
      )}
    </form>
  );
}
