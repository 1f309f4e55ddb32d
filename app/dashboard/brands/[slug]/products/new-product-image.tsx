'use client';

import { useEffect, useRef, useState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { secondaryButtonClass } from '@/app/_components/ui';

/**
 * The image picker of the create form: a preview of the chosen file and a way
 * to take it back. The file goes with the form and is saved with the product.
 */
export function NewProductImage({ error }: { error?: string }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  // Object URLs hold the file in memory until revoked.
  useEffect(() => () => void (previewUrl && URL.revokeObjectURL(previewUrl)), [previewUrl]);

  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <div className="flex size-32 shrink-0 items-center justify-center overflow-hidden rounded-xl border border-neutral-200 bg-neutral-50">
        {previewUrl ? (
          <img src={previewUrl} alt={t('dashboard.productImage.chosenAlt')} className="size-full object-cover" />
        ) : (
          <span className="px-2 text-center text-xs text-neutral-600">{t('dashboard.productImage.none')}</span>
        )}
      </div>
      <div className="min-w-0 flex-1 space-y-2">
        <label htmlFor="image" className="block text-sm font-medium">
          {t('dashboard.productImage.label')}
        </label>
        <input
          ref={input}
          id="image"
          name="image"
          type="file"
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
        {previewUrl && (
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() => {
              if (input.current) input.current.value = '';
              setPreviewUrl(null);
            }}
          >
            {t('dashboard.productImage.removeChosen')}
          </button>
        )}
      </div>
    </div>
  );
}
