'use client';

import { useI18n } from '../../_i18n/client';

// What the viewer sees while a part's code arrives (it is not in the page's first load).

/**
 * For a sheet. Not a dialog: focus stays on the button that opened it until the
 * sheet itself opens, takes focus, and later gives it back.
 */
export function SheetLoading() {
  const { t } = useI18n();
  return (
    <p role="status" className="fixed inset-x-0 bottom-6 z-50 mx-auto w-fit rounded-full bg-black/80 px-4 py-2 text-sm text-white">
      {t('common.loading')}
    </p>
  );
}

/** In place of a panel (the pinned card, the chat); the server renders the panel itself, so this shows only after a client-side navigation. */
export function PanelLoading({ className = '' }: { className?: string }) {
  const { t } = useI18n();
  return (
    <p role="status" aria-busy="true" className={`px-3 py-2 text-sm ${className}`}>
      {t('common.loading')}
    </p>
  );
}
