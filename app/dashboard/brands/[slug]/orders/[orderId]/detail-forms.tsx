'use client';

import { useActionState, useId } from 'react';
import { dangerButtonClass, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import type { AdvanceTarget } from '@/server/domain/order-lifecycle';
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
            <label htmlFor={`${id}-carrier`} className="block text-sm font-medium">{t('orders.common.carrier')}</label>
            <input id={`${id}-carrier`} name="carrier" required className={inputClass} placeholder={t('orders.brand.bulk.carrierPlaceholder')} />
          </div>
          <div className="space-y-1">
            <label htmlFor={`${id}-tracking`} className="block text-sm font-medium">{t('orders.common.trackingNumber')}</label>
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

export function RefundForm({ slug, orderId, refundKey, currency, left }: { slug: string; orderId: string; refundKey: string; currency: string; left: string }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(refundAction, null);
  const id = useId();
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="key" value={refundKey} />
      <div className="space-y-1">
        <label htmlFor={`${id}-amount`} className="block text-sm font-medium">{t('orders.brand.detail.refundAmount', { currency })}</label>
        <input id={`${id}-amount`} name="amount" inputMode="decimal" className={inputClass} aria-describedby={`${id}-amount-hint`} />
        <p id={`${id}-amount-hint`} className="text-xs text-neutral-600">{t('orders.brand.detail.refundAmountHint', { amount: left })}</p>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-reason`} className="block text-sm font-medium">{t('orders.brand.detail.reason')}</label>
        <input id={`${id}-reason`} name="reason" maxLength={200} className={inputClass} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="restock" />
        {t('orders.brand.detail.restock')}
      </label>
      <FormMessage state={state} />
      {!state?.ok && (
        <button type="submit" disabled={pending} className={dangerButtonClass}>
          {pending ? t('orders.common.working') : t('orders.brand.detail.refundButton')}
        </button>
      )}
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
        <label htmlFor={`${id}-reason`} className="block text-sm font-medium">{t('orders.brand.detail.reason')}</label>
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
