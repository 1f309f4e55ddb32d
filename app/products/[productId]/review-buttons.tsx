'use client';

import { useActionState, useState } from 'react';
import { FormMessage, inputClass, secondaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import type { ReportReason } from '@/server/domain/reviews';
import { helpfulReviewAction, reportReviewAction } from './review-actions';

/** "Helpful" and "Report" under someone else's review; the report asks why before it is sent. */
export function ReviewButtons({
  productId,
  reviewId,
  helpfulCount,
  reasons,
}: {
  productId: string;
  reviewId: string;
  helpfulCount: number;
  reasons: readonly ReportReason[];
}) {
  const { t } = useI18n();
  const [voted, vote, voting] = useActionState(helpfulReviewAction, null);
  const [reported, report, reporting] = useActionState(reportReviewAction, null);
  const [asking, setAsking] = useState(false);
  const small = `${secondaryButtonClass} min-h-11 px-3 py-1.5 text-sm`;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <form action={vote}>
          <input type="hidden" name="productId" value={productId} />
          <input type="hidden" name="reviewId" value={reviewId} />
          <button type="submit" disabled={voting} className={small}>
            {t('reviews.helpful', { count: helpfulCount })}
          </button>
        </form>
        {!asking && !reported?.ok && (
          <button type="button" className={small} onClick={() => setAsking(true)}>
            {t('reviews.report')}
          </button>
        )}
      </div>
      {asking && !reported?.ok && (
        <form action={report} className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <input type="hidden" name="productId" value={productId} />
          <input type="hidden" name="reviewId" value={reviewId} />
          <label className="flex-1 space-y-1 text-sm">
            <span className="block font-medium">{t('reviews.reportReason')}</span>
            <select name="reason" required className={inputClass} defaultValue="">
              <option value="" disabled />
              {reasons.map((r) => (
                <option key={r} value={r}>
                  {t(`reviews.reason.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={reporting} className={small}>
            {t('reviews.reportSend')}
          </button>
        </form>
      )}
      <FormMessage state={voted} />
      <FormMessage state={reported} />
    </div>
  );
}
