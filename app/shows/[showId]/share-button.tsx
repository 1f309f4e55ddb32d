'use client';

import { useEffect, useState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { ShareIcon } from '../../_components/icons';

/**
 * The phone's share sheet where there is one; elsewhere the link goes to the
 * clipboard and a short note says so.
 */
export function ShareButton({ title }: { title: string }) {
  const { t } = useI18n();
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    if (!note) return;
    const timer = setTimeout(() => setNote(null), 2500);
    return () => clearTimeout(timer);
  }, [note]);

  async function share() {
    const url = `${window.location.origin}${window.location.pathname}`;
    try {
      if (typeof navigator.share === 'function') return await navigator.share({ title, text: t('viewer.share.text', { title }), url });
      await navigator.clipboard.writeText(url);
      setNote(t('viewer.share.copied'));
    } catch (error) {
      // Closing the share sheet is not a failure.
      if (error instanceof DOMException && error.name === 'AbortError') return;
      setNote(t('viewer.share.failed'));
    }
  }

  return (
    <span className="pointer-events-auto relative">
      <button
        type="button"
        onClick={() => void share()}
        aria-label={t('viewer.share.label')}
        title={t('viewer.share.label')}
        className="rounded bg-black/50 px-2 py-0.5 focus-visible:outline-2 focus-visible:outline-white"
      >
        <ShareIcon />
      </button>
      <span role="status" className="absolute right-0 top-8 whitespace-nowrap rounded bg-black/80 px-2 py-1 text-xs empty:hidden">
        {note}
      </span>
    </span>
  );
}
