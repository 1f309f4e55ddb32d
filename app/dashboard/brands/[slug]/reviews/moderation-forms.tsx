'use client';

import { useActionState } from 'react';
import { dangerButtonClass, FormMessage, inputClass, secondaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import { moderateReviewAction, replyReviewAction } from './actions';

/** Hide (with the reason the brand records) or show again, and the one public reply. */
export function ModerationForms({
  slug,
  reviewId,
  hidden,
  canReply,
}: {
  slug: string;
  reviewId: string;
  hidden: boolean;
  canReply: boolean;
}) {
  const { t } = useI18n();
  const [moderated, moderate, moderating] = useActionState(moderateReviewAction, null);
  const [replied, reply, replying] = useActionState(replyReviewAction, null);
  return (
    <div className="space-y-3">
      <form action={moderate} className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="reviewId" value={reviewId} />
        {!hidden && (
          <label className="flex-1 space-y-1 text-sm">
            <span className="block font-medium">{t('reviews.moderation.hideReason')}</span>
            <input name="reason" required maxLength={200} className={inputClass} />
          </label>
        )}
        <button
          type="submit"
          name="decision"
          value={hidden ? 'show' : 'hide'}
          disabled={moderating}
          className={hidden ? secondaryButtonClass : dangerButtonClass}
        >
          {t(hidden ? 'reviews.moderation.show' : 'reviews.moderation.hide')}
        </button>
      </form>
      <FormMessage state={moderated} />
      {canReply && (
        <form action={reply} className="space-y-2">
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="reviewId" value={reviewId} />
          <label className="block space-y-1 text-sm">
            <span className="block font-medium">{t('reviews.moderation.replyLabel')}</span>
            <textarea name="reply" rows={2} required maxLength={1000} className={inputClass} />
          </label>
          <button type="submit" disabled={replying} className={secondaryButtonClass}>
            {t('reviews.moderation.replySend')}
          </button>
        </form>
      )}
      <FormMessage state={replied} />
    </div>
  );
}
