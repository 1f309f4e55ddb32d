import type { Translate } from '@/app/_i18n/translate';

/** Minutes under two hours, whole hours above: a median reads at a glance. */
export function responseTime(ms: number, t: Translate): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return minutes < 120 ? t('support.inbox.minutes', { count: minutes }) : t('support.inbox.hours', { count: Math.round(minutes / 60) });
}
