'use client';

import { useRef } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { ImageFileField, usePreviewUrl } from './image-file-field';
import { secondaryButtonClass } from '@/app/_components/ui';

/**
 * The image picker of the create form: a preview of the chosen file and a way
 * to take it back. The file goes with the form and is saved with the product.
 */
export function NewProductImage({ error }: { error?: string }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [previewUrl, setPreviewUrl] = usePreviewUrl();

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
        <ImageFileField error={error} inputRef={input} onPreview={setPreviewUrl} />
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
