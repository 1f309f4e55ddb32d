'use client';

import { useActionState } from 'react';
import { dangerButtonClass, FormMessage } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import { cancelMyOrderAction } from './actions';

export function CancelOrderForm({ orderId, number }: { orderId: string; number: number }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(cancelMyOrderAction, null);
  return (
    <form
      action={action}
      className="space-y-3"
      onSubmit={(event) => {
        if (!window.confirm(t('orders.buyer.cancelConfirm', { number }))) event.preventDefault();
      }}
    >
      <input type="hidden" name="orderId" value={orderId} />
      <p className="text-sm text-neutral-600">{t('orders.buyer.cancelHint')}</p>
      <FormMessage state={state} />
      {!state?.ok && (
        <button type="submit" disabled={pending} className={dangerButtonClass}>
          {pending ? t('orders.common.working') : t('orders.buyer.cancelButton')}
        </button>
      )}
    </form>
  );
}
