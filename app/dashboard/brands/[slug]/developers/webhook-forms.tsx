'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { dangerButtonClass, Field, FormMessage, inputClass, primaryButtonClass, secondaryButtonClass } from '@/app/_components/ui';
import { createEndpointAction, endpointCommandAction, replayDeliveryAction, rotateSecretAction } from './actions';
import { SecretReveal } from './secret-reveal';

const smallButton = 'px-3 py-1.5 text-sm';

export function CreateEndpointForm({ slug, eventTypes }: { slug: string; eventTypes: readonly string[] }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(createEndpointAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <div className="space-y-3">
      <form action={action} className="space-y-3 rounded-2xl border border-neutral-200 bg-white p-4" noValidate>
        <input type="hidden" name="slug" value={slug} />
        <Field
          id="endpoint-url"
          label={t('commerce.developers.webhooks.url')}
          hint={t('commerce.developers.webhooks.urlHint')}
          error={errors?.url}
        >
          <input
            id="endpoint-url"
            name="url"
            type="url"
            inputMode="url"
            required
            placeholder="https://example.com/webhooks/live-commerce"
            className={inputClass}
            aria-invalid={errors?.url ? true : undefined}
            aria-describedby={errors?.url ? 'endpoint-url-error' : 'endpoint-url-hint'}
          />
        </Field>
        <fieldset className="space-y-1" aria-describedby={errors?.events ? 'endpoint-events-error' : undefined}>
          <legend className="text-sm font-medium">{t('commerce.developers.webhooks.events')}</legend>
          <label className="flex items-center gap-2 py-1 text-sm">
            <input type="checkbox" name="events" value="*" className="size-4" />
            <span>{t('commerce.developers.webhooks.allEvents')}</span>
          </label>
          <div className="grid gap-x-4 sm:grid-cols-2">
            {eventTypes.map((type) => (
              <label key={type} className="flex items-center gap-2 py-1 text-sm">
                <input type="checkbox" name="events" value={type} defaultChecked={type.startsWith('order.')} className="size-4" />
                <span className="font-mono">{type}</span>
              </label>
            ))}
          </div>
          {errors?.events && (
            <p id="endpoint-events-error" className="text-xs font-medium text-red-700">
              {errors.events}
            </p>
          )}
        </fieldset>
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? t('commerce.developers.webhooks.adding') : t('commerce.developers.webhooks.add')}
        </button>
        <FormMessage state={state} />
      </form>
      {state?.ok && state.secret && <SecretReveal label={t('commerce.developers.webhooks.newSecret')} secret={state.secret} />}
    </div>
  );
}

function CommandButton({
  slug,
  endpointId,
  command,
  label,
  className,
}: {
  slug: string;
  endpointId: string;
  command: 'pause' | 'resume' | 'test';
  label: string;
  className?: string;
}) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(endpointCommandAction, null);
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="endpointId" value={endpointId} />
      <input type="hidden" name="command" value={command} />
      <button type="submit" disabled={pending} className={className ?? `${secondaryButtonClass} ${smallButton}`}>
        {pending ? t('commerce.developers.webhooks.working') : label}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

function DeleteEndpointButton({ slug, endpointId }: { slug: string; endpointId: string }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState(endpointCommandAction, null);
  // Focus follows the swap between the button and its confirmation, so keyboard users stay in place.
  const trigger = useRef<HTMLButtonElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (opened.current) trigger.current?.focus();
    opened.current = confirming || opened.current;
  }, [confirming]);
  if (!confirming) {
    return (
      <button ref={trigger} type="button" onClick={() => setConfirming(true)} className={`${secondaryButtonClass} ${smallButton}`}>
        {t('commerce.developers.webhooks.delete')}
      </button>
    );
  }
  return (
    <form
      action={action}
      className="flex flex-wrap items-center gap-2"
      role="group"
      aria-label={t('commerce.developers.webhooks.confirmDeleteLabel')}
    >
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="endpointId" value={endpointId} />
      <input type="hidden" name="command" value="delete" />
      <span className="text-sm">{t('commerce.developers.webhooks.confirmDelete')}</span>
      <button type="submit" disabled={pending} className={`${dangerButtonClass} ${smallButton}`}>
        {pending ? t('commerce.developers.webhooks.deleting') : t('commerce.developers.webhooks.deleteConfirm')}
      </button>
      <button ref={keep} type="button" onClick={() => setConfirming(false)} className={`${secondaryButtonClass} ${smallButton}`}>
        {t('commerce.developers.webhooks.keep')}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

function RotateSecretButton({ slug, endpointId }: { slug: string; endpointId: string }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(rotateSecretAction, null);
  return (
    <div className="flex flex-col gap-2">
      <form action={action}>
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="endpointId" value={endpointId} />
        <button type="submit" disabled={pending} className={`${secondaryButtonClass} ${smallButton}`}>
          {pending ? t('commerce.developers.webhooks.rotating') : t('commerce.developers.webhooks.rotate')}
        </button>
      </form>
      <FormMessage state={state} />
      {state?.ok && state.secret && <SecretReveal label={t('commerce.developers.webhooks.rotatedSecret')} secret={state.secret} />}
    </div>
  );
}

export function EndpointControls({
  slug,
  endpointId,
  active,
  isOwner,
}: {
  slug: string;
  endpointId: string;
  active: boolean;
  isOwner: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="flex flex-wrap items-start gap-2">
      {active && <CommandButton slug={slug} endpointId={endpointId} command="test" label={t('commerce.developers.webhooks.sendTest')} />}
      <CommandButton
        slug={slug}
        endpointId={endpointId}
        command={active ? 'pause' : 'resume'}
        label={active ? t('commerce.developers.webhooks.pause') : t('commerce.developers.webhooks.resume')}
      />
      {isOwner && <RotateSecretButton slug={slug} endpointId={endpointId} />}
      {isOwner && <DeleteEndpointButton slug={slug} endpointId={endpointId} />}
    </div>
  );
}

export function ReplayButton({ slug, deliveryId, eventType }: { slug: string; deliveryId: string; eventType: string }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(replayDeliveryAction, null);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t('commerce.developers.webhooks.replayLabel', { event: eventType })}
        className={`${secondaryButtonClass} px-2.5 py-1 text-xs`}
      >
        {pending ? t('commerce.developers.webhooks.sending') : t('commerce.developers.webhooks.replay')}
      </button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}
