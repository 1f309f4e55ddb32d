'use client';

import { useActionState, useState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import type { ActionState } from '@/app/_lib/action';
import { Field, FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';

type Action = (state: ActionState | null, form: FormData) => Promise<ActionState>;
type Visibility = 'PUBLIC' | 'UNLISTED' | 'INVITE_ONLY';

/** Public, link only, or invite only (emails and/or the brand's followers); each new email gets a personal link. */
export function PrivacyForm({
  action: serverAction,
  values,
}: {
  action: Action;
  values: { visibility: Visibility; inviteFollowers: boolean; emails: string[]; sent: number };
}) {
  const [state, action, pending] = useActionState(serverAction, null);
  const [visibility, setVisibility] = useState<Visibility>(values.visibility);
  const { t } = useI18n();
  const options: Visibility[] = ['PUBLIC', 'UNLISTED', 'INVITE_ONLY'];
  return (
    <form action={action} className="space-y-3">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t('dashboard.showAccess.visibility')}</legend>
        {options.map((option) => (
          <label key={option} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="visibility"
              value={option}
              checked={visibility === option}
              onChange={() => setVisibility(option)}
              className="mt-1"
            />
            <span>
              <span className="font-semibold">{t(`dashboard.showAccess.options.${option}.label`)}</span>
              <span className="block text-neutral-600">{t(`dashboard.showAccess.options.${option}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {visibility === 'INVITE_ONLY' && (
        <>
          <Field
            id="invite-emails"
            label={t('dashboard.showAccess.emails')}
            hint={t('dashboard.showAccess.emailsHint', { count: values.sent })}
          >
            <textarea id="invite-emails" name="emails" rows={4} defaultValue={values.emails.join('\n')} className={inputClass} />
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="inviteFollowers" defaultChecked={values.inviteFollowers} />
            {t('dashboard.showAccess.followers')}
          </label>
        </>
      )}
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {t(pending ? 'dashboard.showAccess.saving' : 'dashboard.showAccess.save')}
      </button>
    </form>
  );
}
