'use client';

import { useActionState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { secondaryButtonClass } from '@/app/_components/ui';
import { setCouponActiveAction } from './actions';

/** Switches one coupon off or back on, and says what happened (or why it did not) beside the button. */
export function CouponActiveButton({ slug, couponId, code, active }: { slug: string; couponId: string; code: string; active: boolean }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(setCouponActiveAction, null);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="couponId" value={couponId} />
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="active" value={active ? 'false' : 'true'} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t(active ? 'commerce.coupons.deactivateLabel' : 'commerce.coupons.reactivateLabel', { code })}
        className={`${secondaryButtonClass} px-3 py-1.5 text-sm`}
      >
        {t(active ? 'commerce.coupons.deactivate' : 'commerce.coupons.reactivate')}
      </button>
      {state?.message && (
        <p role={state.ok ? 'status' : 'alert'} className={`max-w-48 text-xs ${state.ok ? 'text-neutral-600' : 'text-red-700'}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
