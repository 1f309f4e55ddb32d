'use client';

import { useActionState } from 'react';
import { FormMessage, inputClass, primaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import { submitReviewAction } from './review-actions';

const STARS = [5, 4, 3, 2, 1] as const;

/** A verified buyer's rating and review: five radio stars (large enough to tap) and optional plain text. */
export function ReviewForm({
  productId,
  max,
  initial,
}: {
  productId: string;
  max: number;
  initial: { rating: number; body: string; status: 'PUBLISHED' | 'PENDING' | 'HIDDEN' } | null;
}) {
  const { t } = useI18n();
  const [state, submit, pending] = useActionState(submitReviewAction, null);
  return (
    <form
      action={submit}
      id="write-review"
      className="space-y-3 rounded-2xl border border-neutral-200 bg-white p-4"
      aria-labelledby="review-form-heading"
    >
      <h3 id="review-form-heading" className="font-semibold">
        {t(initial ? 'reviews.form.editTitle' : 'reviews.form.writeTitle')}
      </h3>
      {initial?.status === 'PENDING' && <p className="text-sm text-amber-800">{t('reviews.form.pending')}</p>}
      {initial?.status === 'HIDDEN' && <p className="text-sm text-amber-800">{t('reviews.form.hidden')}</p>}
      <input type="hidden" name="productId" value={productId} />
      <fieldset>
        <legend className="text-sm font-medium">{t('reviews.form.rating')}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {STARS.map((stars) => (
            <label
              key={stars}
              className="flex min-h-11 cursor-pointer items-center gap-1 rounded-lg border border-neutral-300 px-3 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
            >
              <input type="radio" name="rating" value={stars} defaultChecked={initial?.rating === stars} required className="size-4" />
              <span aria-hidden="true">{'★'.repeat(stars)}</span>
              <span className="sr-only">{t('reviews.form.star', { count: stars })}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="review-body" className="block text-sm font-medium">
          {t('reviews.form.body')}
        </label>
        <textarea
          id="review-body"
          name="body"
          rows={4}
          maxLength={max}
          defaultValue={initial?.body ?? ''}
          className={inputClass}
          aria-describedby="review-body-hint"
        />
        <p id="review-body-hint" className="text-xs text-neutral-600">
          {t('reviews.form.hint', { max })}
        </p>
      </div>
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? t('reviews.form.saving') : t('reviews.form.submit')}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
