'use client';

import { useEffect, useRef, useState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { Field, inputClass, secondaryButtonClass } from '@/app/_components/ui';

const isUpload = (url: string) => !/^https?:\/\//i.test(url);

/**
 * The show's cover as a picture, never as a path: the current cover (or the
 * chosen file, or the typed link) is previewed, with Replace and Remove. What
 * is posted: `coverFile` when a file was chosen, else `coverImageUrl`, the
 * typed link or the kept cover ('' once removed).
 */
export function CoverField({ current, errors }: { current: string; errors: { url?: string; file?: string } }) {
  const { t } = useI18n();
  const fileInput = useRef<HTMLInputElement>(null);
  const [kept, setKept] = useState(current);
  // Our own uploads are kept by the hidden field; only a link someone typed is shown as text.
  const [link, setLink] = useState(current && !isUpload(current) ? current : '');
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => () => void (chosen && URL.revokeObjectURL(chosen)), [chosen]);
  const typedLink = /^https:\/\/\S+$/i.test(link.trim()) ? link.trim() : null;
  const shown = chosen ?? typedLink ?? (kept || null);

  function remove() {
    if (fileInput.current) fileInput.current.value = '';
    setChosen(null);
    setKept('');
    setLink('');
  }

  return (
    <fieldset className="space-y-3">
      <legend className="block text-sm font-medium">{t('dashboard.showForm.cover')}</legend>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="flex aspect-video w-48 shrink-0 items-center justify-center overflow-hidden rounded-xl border border-neutral-200 bg-neutral-50">
          {shown ? (
            <img src={shown} alt={t('dashboard.showForm.coverAlt')} className="size-full object-cover" data-testid="cover-preview" />
          ) : (
            <span className="px-2 text-center text-xs text-neutral-600">{t('dashboard.showForm.coverNone')}</span>
          )}
        </div>
        <div className="min-w-0 flex-1 space-y-2">
          <label htmlFor="coverFile" className="block text-sm">
            {t(shown ? 'dashboard.showForm.coverReplace' : 'dashboard.showForm.coverFile')}
          </label>
          <input
            ref={fileInput}
            id="coverFile"
            name="coverFile"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            className="block w-full text-sm file:mr-3 file:rounded-full file:border-0 file:bg-neutral-100 file:px-4 file:py-2 file:font-semibold hover:file:bg-neutral-200"
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={errors.file ? 'coverFile-error' : undefined}
            onChange={(e) => {
              const file = e.target.files?.[0];
              setChosen(file ? URL.createObjectURL(file) : null);
            }}
          />
          {errors.file && (
            <p id="coverFile-error" className="text-xs font-medium text-red-700">
              {errors.file}
            </p>
          )}
          {shown && (
            <button type="button" className={secondaryButtonClass} onClick={remove}>
              {t('dashboard.showForm.coverRemove')}
            </button>
          )}
        </div>
      </div>
      <input type="hidden" name="coverImageUrl" value={link.trim() || kept} />
      <Field id="coverLink" label={t('dashboard.showForm.coverUrl')} hint={t('dashboard.showForm.coverUrlHint')} error={errors.url}>
        <input
          id="coverLink"
          type="url"
          value={link}
          onChange={(e) => setLink(e.target.value)}
          className={inputClass}
          aria-invalid={errors.url ? true : undefined}
          aria-describedby={errors.url ? 'coverLink-error' : 'coverLink-hint'}
        />
      </Field>
    </fieldset>
  );
}
