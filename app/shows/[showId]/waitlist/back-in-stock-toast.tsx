'use client';

import { useI18n } from '../../../_i18n/client';
import { useCountdown } from '@/app/_lib/use-countdown';
import type { HeldOffer } from './use-waitlist';

/** Over the stream: the unit the viewer waited for is back and held for them, for a few minutes. */
export function BackInStockToast({ offer, onOpen, onDismiss }: { offer: HeldOffer; onOpen: () => void; onDismiss: () => void }) {
  const { t } = useI18n();
  const secondsLeft = useCountdown(offer.holdExpiresAt);
  if (secondsLeft <= 0) return null;
  return (
    <div
      role="status"
      data-testid="back-in-stock"
      className="pointer-events-auto absolute inset-x-3 top-24 z-20 mx-auto flex max-w-sm flex-wrap items-center gap-2 rounded-2xl bg-white/95 p-3 text-sm text-ink shadow-lg"
    >
      <p className="min-w-0 flex-1">
        <span className="font-bold">{t('viewer.waitlist.backInStock')}</span>{' '}
        {t('viewer.waitlist.heldForYou', {
          product: offer.productTitle,
          variant: offer.variantName,
          count: Math.max(1, Math.ceil(secondsLeft / 60)),
        })}
      </p>
      <button
        type="button"
        onClick={onOpen}
        className="min-h-11 rounded-full bg-brand-500 px-4 font-bold text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
      >
        {t('viewer.waitlist.open')}
      </button>
      <button
        type="button"
        onClick={onDismiss}
        aria-label={t('viewer.waitlist.dismiss')}
        className="min-h-11 min-w-11 rounded-full border border-neutral-300 focus-visible:outline-2 focus-visible:outline-brand-500"
      >
        ×
      </button>
    </div>
  );
}
