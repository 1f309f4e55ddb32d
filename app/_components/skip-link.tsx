'use client';

import { useI18n } from '@/app/_i18n/client';

/**
 * The first tab stop of every page. Pages render their own header and <main>,
 * so the link finds the main content when pressed and moves focus there.
 */
export function SkipLink() {
  const { t } = useI18n();
  return (
    <a
      href="#main"
      onClick={(event) => {
        const main = document.querySelector('main');
        if (!main) return;
        event.preventDefault();
        if (!main.hasAttribute('tabindex')) main.tabIndex = -1;
        main.focus();
      }}
      className="sr-only z-50 rounded-full bg-ink text-sm font-semibold text-white focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:px-4 focus:py-2"
    >
      {t('common.skipToContent')}
    </a>
  );
}
