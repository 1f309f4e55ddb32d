'use client';

import { useEffect, useState, type Ref } from 'react';
import { useI18n } from '@/app/_i18n/client';

/** A chosen file's object URL for its preview, revoked when replaced or unmounted (it holds the file in memory). */
export function usePreviewUrl(): [string | null, (url: string | null) => void] {
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  useEffect(() => () => void (previewUrl && URL.revokeObjectURL(previewUrl)), [previewUrl]);
  return [previewUrl, setPreviewUrl];
}

/** The product image's file input with its label, hint or error; both image forms use it. */
export function ImageFileField({
  error,
  required,
  inputRef,
  onPreview,
}: {
  error?: string;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  onPreview: (url: string | null) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <label htmlFor="image" className="block text-sm font-medium">
        {t('dashboard.productImage.label')}
      </label>
      <input
        ref={inputRef}
        id="image"
        name="image"
        type="file"
        required={required}
        accept="image/png,image/jpeg,image/webp,image/gif"
        aria-describedby={error ? 'image-error' : 'image-hint'}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          const file = e.target.files?.[0];
          onPreview(file ? URL.createObjectURL(file) : null);
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
    </>
  );
}
