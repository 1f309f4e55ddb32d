'use client';

import { useActionState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { ImageFileField, usePreviewUrl } from '../image-file-field';
import { FormMessage, primaryButtonClass } from '@/app/_components/ui';
import type { ActionState } from '@/app/_lib/action';

/** Upload with a preview of the chosen file before it is sent. */
export function ImageForm({
  action,
  currentUrl,
  title,
}: {
  action: (state: ActionState | null, form: FormData) => Promise<ActionState>;
  currentUrl: string | null;
  title: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const { t } = useI18n();
  const [previewUrl, setPreviewUrl] = usePreviewUrl();
  const error = state && !state.ok ? state.fieldErrors?.image : undefined;
  const shown = previewUrl ?? currentUrl;

  return (
    <form action={formAction} className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <div className="flex size-32 shrink-0 items-center justify-center overflow-hidden rounded-xl border border-neutral-200 bg-neutral-50">
        {shown ? (
          <img
            src={shown}
            alt={t(previewUrl ? 'dashboard.productImage.previewAlt' : 'dashboard.productImage.currentAlt', { title })}
            className="size-full object-cover"
          />
        ) : (
          <span className="px-2 text-center text-xs text-neutral-600">{t('dashboard.productImage.none')}</span>
        )}
      </div>
      <div className="min-w-0 flex-1 space-y-2">
        <ImageFileField error={error} required onPreview={setPreviewUrl} />
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          {t(pending ? 'dashboard.productImage.uploading' : 'dashboard.productImage.upload')}
        </button>
        <FormMessage state={state && (state.ok || !error) ? state : null} />
      </div>
    </form>
  );
}
