'use client';

import { useEffect, useRef, useState } from 'react';
import type { Stripe, StripeElements } from '@stripe/stripe-js';
import { useI18n } from '@/app/_i18n/client';
import { primaryButtonClass } from '@/app/_components/ui';
import { finishStripeCardAction } from './actions';
import { loadStripeJs } from './load-stripe';

type Phase = 'loading' | 'ready' | 'unavailable' | 'saving' | 'saved' | 'failed';

/** Stripe Elements' card fields: the card goes from the browser to Stripe, and only the SetupIntent's id comes back to us. */
export function StripeCardForm({ brand, publishableKey, clientSecret }: { brand: string; publishableKey: string; clientSecret: string }) {
  const { t } = useI18n();
  const [phase, setPhase] = useState<Phase>('loading');
  const [problem, setProblem] = useState('');
  const mount = useRef<HTMLDivElement>(null);
  const stripe = useRef<{ stripe: Stripe; elements: StripeElements } | null>(null);

  useEffect(() => {
    let gone = false;
    void loadStripeJs(publishableKey).then((loaded) => {
      if (gone) return;
      if (!loaded || !mount.current) return setPhase('unavailable');
      const elements = loaded.elements({ clientSecret });
      elements.create('payment').mount(mount.current);
      stripe.current = { stripe: loaded, elements };
      setPhase('ready');
    });
    return () => {
      gone = true;
    };
  }, [publishableKey, clientSecret]);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (!stripe.current) return;
    setPhase('saving');
    const { error, setupIntent } = await stripe.current.stripe.confirmSetup({
      elements: stripe.current.elements,
      redirect: 'if_required',
      confirmParams: { return_url: window.location.href },
    });
    if (error || !setupIntent) {
      setProblem(error?.message ?? '');
      return setPhase('failed');
    }
    const answer = await finishStripeCardAction({ brand, setupIntentId: setupIntent.id });
    if (!answer.ok) {
      setProblem(answer.error.message);
      return setPhase('failed');
    }
    setPhase('saved');
  }

  if (phase === 'unavailable')
    return (
      <p role="alert" className="rounded-lg bg-amber-100 px-3 py-2 text-sm text-amber-900" data-testid="stripe-unavailable">
        {t('payments.cardForm.unavailable')}
      </p>
    );
  return (
    <form onSubmit={(event) => void save(event)} className="space-y-3" aria-busy={phase === 'loading' || phase === 'saving'}>
      {phase === 'loading' && <p role="status">{t('payments.cardForm.loading')}</p>}
      <div ref={mount} />
      {phase === 'failed' && (
        <p role="alert" className="text-sm text-red-700">
          {t('payments.cardForm.failed', { message: problem })}
        </p>
      )}
      {phase === 'saved' ? (
        <p role="status">{t('payments.cardForm.saved')}</p>
      ) : (
        <button type="submit" disabled={phase !== 'ready' && phase !== 'failed'} className={primaryButtonClass}>
          {phase === 'saving' ? t('payments.cardForm.saving') : t('payments.cardForm.save')}
        </button>
      )}
    </form>
  );
}
