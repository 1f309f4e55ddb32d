'use client';

import { useActionState } from 'react';
import { dangerButtonClass, FormMessage } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import { cancelMyOrderAction } from './actions';

/** `hint` says what cancelling pays back: all of it, or what earlier refunds left. */
export function CancelOrderForm({ orderId, number, hint }: { orderId: string; number: number; hint: string }) {
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
      <p className="text-sm text-neutral-600">{hint}</p>
      <FormMessage state={state} />
      {!state?.ok && (
        <button type="submit" disabled={pending} className={dangerButtonClass}>
          {pending ? t('orders.common.working') : t('orders.buyer.cancelButton')}
        </button>
      )}
    </form>
  );
}
