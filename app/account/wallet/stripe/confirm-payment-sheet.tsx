'use client';

import { useState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { primaryButtonClass } from '@/app/_components/ui';
import { finishConfirmationAction } from './actions';
import { loadStripeJs } from './load-stripe';

type Phase = 'ask' | 'working' | 'paid' | 'released' | 'unavailable' | 'waiting';

/**
 * The bank's check for an order that waits in REQUIRES_ACTION: stripe.handleNextAction shows the
 * bank's page in Stripe's frame, then we finish the order at once (the webhook would too).
 */
export function ConfirmPaymentSheet({
  orderId,
  publishableKey,
  clientSecret,
}: {
  orderId: string;
  publishableKey: string;
  clientSecret: string;
}) {
  const { t } = useI18n();
  const [phase, setPhase] = useState<Phase>('ask');

  async function confirm() {
    setPhase('working');
    const stripe = await loadStripeJs(publishableKey);
    if (!stripe) return setPhase('unavailable');
    await stripe.handleNextAction({ clientSecret });
    const answer = await finishConfirmationAction({ orderId });
    if (!answer.ok) return setPhase('released');
    setPhase(answer.value === 'PAID' || answer.value === 'ALREADY_SETTLED' ? 'paid' : answer.value === 'WAITING' ? 'waiting' : 'released');
  }

  return (
    <section
      role="dialog"
      aria-modal="true"
      aria-labelledby="confirm-payment-title"
      className="space-y-3 rounded-xl bg-white p-4 shadow-lg"
    >
      <h2 id="confirm-payment-title" className="text-lg font-semibold">
        {t('payments.confirm.title')}
      </h2>
      {phase === 'ask' || phase === 'working' || phase === 'waiting' ? (
        <>
          <p className="text-sm">{t('payments.confirm.body')}</p>
          <button type="button" onClick={() => void confirm()} disabled={phase === 'working'} className={primaryButtonClass}>
            {phase === 'working' ? t('payments.confirm.working') : t('payments.confirm.continue')}
          </button>
        </>
      ) : (
        <p role="status">
          {phase === 'paid'
            ? t('payments.confirm.paid')
            : phase === 'unavailable'
              ? t('payments.cardForm.unavailable')
              : t('payments.confirm.released')}
        </p>
      )}
    </section>
  );
}
