'use client';

import { useActionState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import type { ActionState } from '@/app/_lib/action';
import { Field, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';
import type { LineupCandidate } from '@/server/domain/shows';
import { CoverField } from './cover-field';
import { LineupPicker } from './lineup-picker';
import { zoneCity } from '@/app/_lib/zone-city';

export interface ShowFormValues {
  title: string;
  description: string;
  coverImageUrl: string;
  plannedDurationMinutes: number;
  commissionPercent: number;
  recordingEnabled: boolean;
  assistantEnabled: boolean;
  lineup: string[];
}

type Action = (state: ActionState | null, form: FormData) => Promise<ActionState>;

/**
 * Create and edit share this form; only a new show asks for the start and the
 * host (an existing show is moved with the reschedule form).
 */
export function ShowForm({
  action: serverAction,
  values,
  candidates,
  creation,
}: {
  action: Action;
  values: ShowFormValues;
  candidates: LineupCandidate[];
  creation?: { timeZone: string };
}) {
  const [state, action, pending] = useActionState(serverAction, null);
  const { t } = useI18n();
  const error = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);
  const invalid = (name: string) => (error(name) ? true : undefined);
  const describedBy = (name: string, hint = false) => (error(name) ? `${name}-error` : hint ? `${name}-hint` : undefined);
  return (
    <form action={action} className="space-y-5" noValidate>
      <Field id="title" label={t('dashboard.showForm.title')} error={error('title')}>
        <input
          id="title"
          name="title"
          required
          maxLength={120}
          defaultValue={values.title}
          className={inputClass}
          aria-invalid={invalid('title')}
          aria-describedby={describedBy('title')}
        />
      </Field>
      <Field id="description" label={t('dashboard.showForm.description')} error={error('description')}>
        <textarea
          id="description"
          name="description"
          rows={4}
          maxLength={2000}
          defaultValue={values.description}
          className={inputClass}
          aria-invalid={invalid('description')}
          aria-describedby={describedBy('description')}
        />
      </Field>
      {creation && (
        <>
          <Field
            id="startLocal"
            label={t('dashboard.showForm.start', { zone: zoneCity(creation.timeZone) })}
            hint={t('dashboard.showForm.startHint', { zone: zoneCity(creation.timeZone) })}
            error={error('startLocal')}
          >
            <input
              id="startLocal"
              name="startLocal"
              type="datetime-local"
              required
              className={inputClass}
              aria-invalid={invalid('startLocal')}
              aria-describedby={describedBy('startLocal', true)}
            />
          </Field>
          <Field
            id="hostHandle"
            label={t('dashboard.showForm.hostHandle')}
            hint={t('dashboard.showForm.hostHandleHint')}
            error={error('hostHandle')}
          >
            <input
              id="hostHandle"
              name="hostHandle"
              required
              autoCapitalize="none"
              spellCheck={false}
              className={inputClass}
              aria-invalid={invalid('hostHandle')}
              aria-describedby={describedBy('hostHandle', true)}
            />
          </Field>
        </>
      )}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="plannedDurationMinutes" label={t('dashboard.showForm.duration')} error={error('plannedDurationMinutes')}>
          <input
            id="plannedDurationMinutes"
            name="plannedDurationMinutes"
            type="number"
            inputMode="numeric"
            min={5}
            max={1440}
            required
            defaultValue={values.plannedDurationMinutes}
            className={inputClass}
            aria-invalid={invalid('plannedDurationMinutes')}
            aria-describedby={describedBy('plannedDurationMinutes')}
          />
        </Field>
        <Field
          id="commissionPercent"
          label={t('dashboard.showForm.commission')}
          hint={t('dashboard.showForm.commissionHint')}
          error={error('commissionPercent')}
        >
          <input
            id="commissionPercent"
            name="commissionPercent"
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step={0.01}
            required
            defaultValue={values.commissionPercent}
            className={inputClass}
            aria-invalid={invalid('commissionPercent')}
            aria-describedby={describedBy('commissionPercent', true)}
          />
        </Field>
      </div>
      <div className="flex items-start gap-2">
        {/* An unchecked box sends nothing: this hidden "false" is what the form sends then. */}
        <input type="hidden" name="recordingEnabled" value="false" />
        <input
          id="recordingEnabled"
          name="recordingEnabled"
          type="checkbox"
          value="true"
          defaultChecked={values.recordingEnabled}
          className="mt-1 h-4 w-4"
          aria-describedby="recordingEnabled-hint"
        />
        <div>
          <label htmlFor="recordingEnabled" className="text-sm font-medium">
            {t('dashboard.showForm.recording')}
          </label>
          <p id="recordingEnabled-hint" className="text-sm text-neutral-600">
            {t('dashboard.showForm.recordingHint')}
          </p>
        </div>
      </div>
      <div className="flex items-start gap-2">
        <input type="hidden" name="assistantEnabled" value="false" />
        <input
          id="assistantEnabled"
          name="assistantEnabled"
          type="checkbox"
          value="true"
          defaultChecked={values.assistantEnabled}
          className="mt-1 h-4 w-4"
          aria-describedby="assistantEnabled-hint"
        />
        <div>
          <label htmlFor="assistantEnabled" className="text-sm font-medium">
            {t('assistant.switchLabel')}
          </label>
          <p id="assistantEnabled-hint" className="text-sm text-neutral-600">
            {t('assistant.switchHint')}
          </p>
        </div>
      </div>
      <CoverField current={values.coverImageUrl} errors={{ url: error('coverImageUrl'), file: error('coverFile') }} />
      <LineupPicker candidates={candidates} initial={values.lineup} error={error('lineup')} />
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {t(pending ? 'dashboard.form.saving' : creation ? 'dashboard.showForm.create' : 'dashboard.form.saveChanges')}
      </button>
    </form>
  );
}
