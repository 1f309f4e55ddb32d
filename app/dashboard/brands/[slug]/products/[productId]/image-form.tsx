'use client';

import { useActionState, useEffect, useState } from 'react';
import { useI18n } from '@/app/_i18n/client';
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
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  // Object URLs hold the file in memory until revoked.
  useEffect(() => () => void (previewUrl && URL.revokeObjectURL(previewUrl)), [previewUrl]);
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
        <label htmlFor="image" className="block text-sm font-medium">
          {t('dashboard.productImage.label')}
        </label>
        <input
          id="image"
          name="image"
          type="file"
          required
          accept="image/png,image/jpeg,image/webp,image/gif"
          aria-describedby={error ? 'image-error' : 'image-hint'}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            const file = e.target.files?.[0];
            setPreviewUrl(file ? URL.createObjectURL(file) : null);
          }}
          className="block w-full text-sm file:mr-3 file:rounded-full file:border-0 file:bg-neutral-100 file:px-4 file:py-2 file:font-semibold hover:file:bg-neutral-200"
        />
        {error ? (
          <p id="image-error" className="text-xs font-medium text-red-700">
            {error}
          </p>
        ) : (
          <p id="image-hint" className="text-xs text-neutral-600">
            {t('dashboard.productImage.hint')}
          </p>
        )}
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          {t(pending ? 'dashboard.productImage.uploading' : 'dashboard.productImage.upload')}
        </button>
        <FormMessage state={state && (state.ok || !error) ? state : null} />
      </div>
    </form>
  );
}
