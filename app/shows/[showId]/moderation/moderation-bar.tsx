'use client';

import { useId } from 'react';
import { useI18n } from '@/app/_i18n/client';

const SLOW_MODE_SECONDS = [0, 5, 10, 30, 60];

/** The moderator's own row above the chat: slow mode, and what the last action was refused for. */
export function ModerationBar({
  slowModeSeconds,
  onSlowMode,
  error,
}: {
  slowModeSeconds: number;
  onSlowMode: (seconds: number) => void;
  error: string | null;
}) {
  const { t } = useI18n();
  const slowId = useId();
  return (
    <div
      role="group"
      aria-label={t('chat.moderation.region')}
      className="flex flex-wrap items-center gap-2 rounded-lg bg-black/50 px-2 py-1 text-sm text-white md:bg-neutral-100 md:text-ink"
      data-testid="show-moderation"
    >
      <label htmlFor={slowId}>{t('chat.moderation.slowMode')}</label>
      <select
        id={slowId}
        value={slowModeSeconds}
        onChange={(e) => onSlowMode(Number(e.target.value))}
        className="min-h-11 rounded-lg border border-neutral-300 bg-white px-2 text-ink focus-visible:outline-2 focus-visible:outline-brand-500"
      >
        {SLOW_MODE_SECONDS.map((seconds) => (
          <option key={seconds} value={seconds}>
            {seconds === 0 ? t('chat.moderation.slowOff') : t('chat.moderation.slowSeconds', { count: seconds })}
          </option>
        ))}
      </select>
      {error && (
        <p role="alert" className="w-full rounded bg-red-50 px-2 py-1 text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
