'use client';

import { useI18n } from '../../_i18n/client';
import { MutedIcon } from '../../_components/icons';
import type { QualityLevel } from '../../_lib/layer-policy';

function SpeakerIcon() {
  return (
    <svg
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
      className="inline-block align-[-2px]"
    >
      <path d="M11 5 6 9H2v6h4l5 4V5z" />
      <path d="M15.5 8.5a5 5 0 0 1 0 7M19 5a10 10 0 0 1 0 14" />
    </svg>
  );
}

/** The large button shown when the browser held the sound back; one tap or key press unmutes. */
export function TapForSound({ onUnmute }: { onUnmute: () => void }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      onClick={onUnmute}
      className="flex items-center gap-2 rounded-full bg-white px-6 py-3 text-lg font-bold text-ink shadow-lg hover:bg-neutral-100 focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
    >
      <MutedIcon /> {t('viewer.media.tapForSound')}
    </button>
  );
}

/** Always there while video plays: a mute toggle (pressed = muted) and the quality being received. */
export function SoundToggle({ muted, onToggle, quality }: { muted: boolean; onToggle: () => void; quality: QualityLevel | null }) {
  const { t } = useI18n();
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        aria-pressed={muted}
        aria-label={t('viewer.media.mute')}
        title={t('viewer.media.mute')}
        onClick={onToggle}
        className="grid h-9 w-9 place-items-center rounded-full bg-black/60 text-white backdrop-blur hover:bg-black/80 focus-visible:outline-2 focus-visible:outline-white"
      >
        {muted ? <MutedIcon /> : <SpeakerIcon />}
      </button>
      {quality && (
        <span data-testid="video-quality" className="rounded bg-black/60 px-2 py-0.5 text-xs text-white">
          {t('viewer.media.quality', { level: t(`viewer.media.level.${quality}`) })}
        </span>
      )}
    </div>
  );
}
