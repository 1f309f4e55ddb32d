'use client';

import { useActionState, useEffect, useRef } from 'react';
import { FormMessage, inputClass, primaryButtonClass, secondaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import type { ActionState } from '@/app/_lib/action';
import { keepValuesOnSubmit } from '@/app/_lib/keep-form-values';
import { AddressFields } from '../wallet/wallet-fields';
import { CancelOrderForm } from './cancel-form';
import {
  askOrderHelpAction,
  changeOrderAddressAction,
  openSupportAction,
  postSupportMessageAction,
  requestReturnAction,
} from './help-actions';

const TOPICS = ['status', 'cancel', 'address', 'return', 'other'] as const;

type Action = (state: ActionState | null, form: FormData) => Promise<ActionState>;

/** "Need help?": a question in the buyer's words or a suggestion, answered from the order's state. */
export function OrderHelpBox({ orderId, number }: { orderId: string; number: number }) {
  const { t } = useI18n();
  const [answer, ask, pending] = useActionState(askOrderHelpAction, null);
  return (
    <div className="space-y-4">
      <p className="text-sm text-neutral-600">{t('support.help.intro')}</p>
      <form action={ask} className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <input type="hidden" name="orderId" value={orderId} />
        <div className="flex-1 space-y-1">
          <label htmlFor="order-help-question" className="block text-sm font-medium">
            {t('support.help.label')}
          </label>
          <input
            id="order-help-question"
            name="question"
            className={inputClass}
            placeholder={t('support.help.placeholder')}
            maxLength={500}
            required
            autoComplete="off"
          />
        </div>
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? t('support.help.asking') : t('support.help.ask')}
        </button>
      </form>
      <div role="group" aria-label={t('support.help.suggestions')} className="flex flex-wrap gap-2">
        {TOPICS.map((topic) => (
          <form key={topic} action={ask}>
            <input type="hidden" name="orderId" value={orderId} />
            <input type="hidden" name="topic" value={topic} />
            <button type="submit" disabled={pending} className={`${secondaryButtonClass} px-3 py-1.5 text-sm`}>
              {t(`support.help.suggest.${topic}`)}
            </button>
          </form>
        ))}
      </div>
      <div aria-live="polite" aria-busy={pending}>
        {answer && !answer.ok && <FormMessage state={answer} />}
        {answer?.ok && (
          <div data-testid="order-help-answer" className="space-y-3 rounded-lg bg-neutral-50 p-4">
            {answer.lines.map((line, i) => (
              <p key={i}>{line}</p>
            ))}
            {answer.action === 'cancel' && <CancelOrderForm orderId={orderId} number={number} hint={t('support.help.cancelHint')} />}
            {answer.action === 'change_address' && <AddressChangeForm orderId={orderId} />}
            {answer.action === 'request_return' && <ReturnForm orderId={orderId} />}
            {answer.action === 'contact' && <ContactForm orderId={orderId} />}
          </div>
        )}
      </div>
    </div>
  );
}

function useResetOnSuccess(action: Action) {
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return { state, formAction, pending, formRef };
}

function AddressChangeForm({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const { state, formAction, pending, formRef } = useResetOnSuccess(changeOrderAddressAction);
  const error = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);
  return (
    <form ref={formRef} onSubmit={keepValuesOnSubmit(formAction)} className="space-y-3" noValidate>
      <input type="hidden" name="orderId" value={orderId} />
      <AddressFields error={error} prefix="order-address" />
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? t('support.help.sending') : t('support.help.changeAddress')}
      </button>
    </form>
  );
}

function ReturnForm({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const { state, formAction, pending, formRef } = useResetOnSuccess(requestReturnAction);
  return (
    <form ref={formRef} action={formAction} className="space-y-3">
      <input type="hidden" name="orderId" value={orderId} />
      <label htmlFor="order-return-reason" className="block text-sm font-medium">
        {t('support.help.returnReason')}
      </label>
      <textarea id="order-return-reason" name="reason" rows={2} className={inputClass} />
      <FormMessage state={state} />
      {!state?.ok && (
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? t('support.help.sending') : t('support.help.requestReturn')}
        </button>
      )}
    </form>
  );
}

/** Writes to the brand's team: opens the order's conversation, or adds to it when one is open. */
export function ContactForm({ orderId, conversationId }: { orderId?: string; conversationId?: string }) {
  const { t } = useI18n();
  const { state, formAction, pending, formRef } = useResetOnSuccess(orderId ? openSupportAction : postSupportMessageAction);
  const id = `support-message-${conversationId ?? 'new'}`;
  return (
    <form ref={formRef} action={formAction} className="space-y-2">
      {orderId && <input type="hidden" name="orderId" value={orderId} />}
      {conversationId && <input type="hidden" name="conversationId" value={conversationId} />}
      <label htmlFor={id} className="block text-sm font-medium">
        {conversationId ? t('support.thread.reply') : t('support.help.message')}
      </label>
      <textarea id={id} name="body" rows={3} required className={inputClass} />
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? t('support.help.sending') : t('support.help.send')}
      </button>
    </form>
  );
}
