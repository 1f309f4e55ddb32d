'use client';

import { useActionState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { FormMessage, secondaryButtonClass } from '@/app/_components/ui';
import type { ActionState } from '@/app/_lib/action';

/** One button: archive an active or draft product, or bring an archived one back as a draft. */
export function StatusForm({
  action,
  archived,
}: {
  action: (state: ActionState | null, form: FormData) => Promise<ActionState>;
  archived: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const { t } = useI18n();
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="status" value={archived ? 'DRAFT' : 'ARCHIVED'} />
      <p className="text-sm text-neutral-600">
        {t(archived ? 'dashboard.productArchive.archivedHint' : 'dashboard.productArchive.activeHint')}
      </p>
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        {t(archived ? 'dashboard.productArchive.unarchive' : 'dashboard.productArchive.archive')}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
