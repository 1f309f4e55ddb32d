'use client';

import { useCountdown } from '../../_lib/use-countdown';

function spell(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secs = seconds % 60;
  const clock = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${String(secs).padStart(2, '0')}`;
  return days > 0 ? `${days} ${days === 1 ? 'day' : 'days'} ${clock}` : clock;
}

/** Ticks every second; role="timer" keeps screen readers from announcing each tick. */
export function Countdown({ startsAt }: { startsAt: string }) {
  const seconds = useCountdown(startsAt);
  return (
    <p role="timer" aria-label="Time until the show starts" className="font-mono text-2xl font-bold tabular-nums">
      {seconds > 0 ? spell(seconds) : 'Starting any moment'}
    </p>
  );
}
