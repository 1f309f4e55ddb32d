'use client';

import { useI18n } from '@/app/_i18n/client';
import type { QualityLevel, QualitySummary } from '../../_lib/connection-quality';
import type { ConnectionState } from '../../shows/[showId]/use-show-channel';

const LEVEL_STYLE = {
  good: 'bg-green-100 text-green-900',
  fair: 'bg-amber-100 text-amber-900',
  poor: 'bg-red-100 text-red-900',
  unknown: 'bg-neutral-100 text-neutral-700',
} as const satisfies Record<QualityLevel, string>;

const SOCKET_KEY = {
  connected: 'studio.connection.socket.connected',
  connecting: 'studio.connection.socket.connecting',
  reconnecting: 'studio.connection.socket.reconnecting',
} as const satisfies Record<ConnectionState, string>;

/**
 * How well the host's video reaches the server (from the publisher's stats),
 * with advice for each problem, and whether the studio's own link is up.
 */
export function ConnectionPanel({
  live,
  sending,
  summary,
  socket,
}: {
  live: boolean;
  sending: boolean;
  summary: QualitySummary | null;
  socket: ConnectionState;
}) {
  const { t } = useI18n();
  const level: QualityLevel = summary?.level ?? 'unknown';
  return (
    <section aria-labelledby="connection-heading" className="space-y-2 rounded-2xl bg-white p-4 shadow-sm text-sm">
      <div className="flex items-center justify-between gap-2">
        <h2 id="connection-heading" className="font-semibold">
          {t('studio.connection.heading')}
        </h2>
        {live && sending && (
          <span role="status" className={`rounded-full px-2.5 py-0.5 font-semibold ${LEVEL_STYLE[level]}`} data-testid="studio-connection">
            {t('studio.connection.label', { level: t(`studio.connection.level.${level}`) })}
          </span>
        )}
      </div>
      {!live && <p className="text-neutral-600">{t('studio.connection.offAir')}</p>}
      {live && sending && <Advice summary={summary} />}
      <p className={socket === 'reconnecting' ? 'font-medium text-red-800' : 'text-neutral-600'}>{t(SOCKET_KEY[socket])}</p>
    </section>
  );
}

function Advice({ summary }: { summary: QualitySummary | null }) {
  const { t } = useI18n();
  if (!summary || summary.level === 'unknown') return <p className="text-neutral-600">{t('studio.connection.unknown')}</p>;
  const figures = [
    summary.lossPercent !== null && t('studio.connection.figures.loss', { percent: summary.lossPercent }),
    summary.roundTripMs !== null && t('studio.connection.figures.delay', { ms: summary.roundTripMs }),
    summary.bitrateKbps !== null && t('studio.connection.figures.upload', { kbps: summary.bitrateKbps }),
  ].filter((text): text is string => typeof text === 'string');
  return (
    <>
      {summary.reasons.length === 0 ? (
        <p className="text-neutral-700">{t('studio.connection.good')}</p>
      ) : (
        <ul className="list-disc space-y-1 pl-5 text-neutral-800">
          {summary.reasons.map((reason) => (
            <li key={reason}>{t(`studio.connection.reasons.${reason}`)}</li>
          ))}
        </ul>
      )}
      {figures.length > 0 && <p className="text-xs text-neutral-500">{figures.join(' · ')}</p>}
    </>
  );
}
