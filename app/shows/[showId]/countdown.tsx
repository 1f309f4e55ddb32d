'use client';

import { useCountdown } from '../../_lib/use-countdown';
import { useI18n } from '@/app/_i18n/client';
import type { Translate } from '@/app/_i18n/translate';

function spell(seconds: number, t: Translate): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secs = seconds % 60;
  const clock = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${String(secs).padStart(2, '0')}`;
  return days > 0 ? `${t('discovery.preShow.days', { count: days })} ${clock}` : clock;
}

/** Ticks every second; role="timer" keeps screen readers from announcing each tick. */
export function Countdown({ startsAt, renderedAt }: { startsAt: string; renderedAt: number }) {
  const seconds = useCountdown(startsAt, renderedAt);
  const { t } = useI18n();
  return (
    <p role="timer" aria-label={t('discovery.preShow.countdownLabel')} className="font-mono text-2xl font-bold tabular-nums">
      {seconds > 0 ? spell(seconds, t) : t('discovery.preShow.startingSoon')}
    </p>
  );
}
