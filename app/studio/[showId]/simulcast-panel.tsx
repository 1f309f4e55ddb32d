'use client';

import { useId, useState, type FormEvent, type RefObject } from 'react';
import type { SimulcastDestination } from '@/server/realtime/protocol';
import { useI18n } from '@/app/_i18n/client';
import type { ShowClientSocket } from '../../_lib/show-socket';
import { useEngageRequest } from '../../shows/[showId]/engagement/use-engage-request';
import type { ConnectionState } from '../../shows/[showId]/use-show-channel';
import { useSimulcast } from './use-simulcast';

type Platform = SimulcastDestination['platform'];
// Names of companies read the same in every language; only "another server" is translated. The URLs are what each
// platform's live dashboard shows as its server (TikTok gives one per stream), prefilled for the host.
const PLATFORMS: { value: Platform; name: string | null; ingestUrl: string }[] = [
  { value: 'youtube', name: 'YouTube', ingestUrl: 'rtmps://a.rtmps.youtube.com/live2' },
  { value: 'facebook', name: 'Facebook', ingestUrl: 'rtmps://live-api-s.facebook.com:443/rtmp' },
  { value: 'tiktok', name: 'TikTok', ingestUrl: '' },
  { value: 'custom', name: null, ingestUrl: '' },
];

const STATE_STYLE = {
  idle: 'bg-neutral-100 text-neutral-700',
  connecting: 'bg-amber-100 text-amber-900',
  live: 'bg-green-100 text-green-900',
  failed: 'bg-red-100 text-red-900',
} as const satisfies Record<SimulcastDestination['state'], string>;

const field = 'w-full min-w-0 rounded-lg border border-neutral-300 px-2 py-1.5';

/** The host's RTMP destinations: add (URL + stream key), send or not, remove, and each one's state live. */
export function SimulcastPanel({
  showId,
  live,
  socketRef,
  connection,
}: {
  showId: string;
  live: boolean;
  socketRef: RefObject<ShowClientSocket | null>;
  connection: ConnectionState;
}) {
  const { t, format } = useI18n();
  const id = useId();
  const { destinations, upsert, forget } = useSimulcast(socketRef, showId, connection);
  const { send, error, busy } = useEngageRequest(socketRef);
  const [platform, setPlatform] = useState<Platform>('youtube');
  const [ingestUrl, setIngestUrl] = useState(PLATFORMS[0]!.ingestUrl);
  const [streamKey, setStreamKey] = useState('');
  const nameOf = (value: Platform) => PLATFORMS.find((p) => p.value === value)?.name ?? t('studio.simulcast.customPlatform');

  async function add(event: FormEvent) {
    event.preventDefault();
    const answer = await send('simulcast:add', { showId, platform, ingestUrl, streamKey });
    if (!answer) return;
    upsert(answer.destination);
    setStreamKey('');
  }

  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="space-y-3 rounded-2xl bg-white p-4 text-sm shadow-sm"
      data-testid="studio-simulcast"
    >
      <h2 id={`${id}-heading`} className="font-semibold">
        {t('studio.simulcast.heading')}
      </h2>
      <p className="text-neutral-600">{live ? t('studio.simulcast.intro') : t('studio.simulcast.offAir')}</p>
      {destinations.length === 0 ? (
        <p className="text-neutral-600">{t('studio.simulcast.empty')}</p>
      ) : (
        <ul className="space-y-2">
          {destinations.map((d) => (
            <li key={d.id} className="space-y-1 rounded-xl border border-neutral-200 p-2" data-testid="simulcast-destination">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium">{nameOf(d.platform)}</span>
                <span role="status" className={`rounded-full px-2.5 py-0.5 font-semibold ${STATE_STYLE[d.state]}`}>
                  {t(`studio.simulcast.state.${d.state}`)}
                </span>
              </div>
              <p className="break-all text-xs text-neutral-600">
                {d.ingestUrl} · {t('studio.simulcast.keyLast4', { last4: d.keyLast4 })}
              </p>
              {d.state === 'failed' && d.error && (
                <p className="break-words text-xs text-red-800">
                  {d.error}
                  {d.retryAt && ` ${t('studio.simulcast.retry', { time: format.dateTime(d.retryAt, 'dateTimeSeconds') })}`}
                </p>
              )}
              <div className="flex flex-wrap items-center gap-3">
                <label className="flex min-h-11 items-center gap-2">
                  <input
                    type="checkbox"
                    checked={d.enabled}
                    disabled={busy}
                    aria-label={t('studio.simulcast.enabledLabel', { name: nameOf(d.platform) })}
                    onChange={(e) =>
                      void send('simulcast:setEnabled', { showId, destinationId: d.id, enabled: e.target.checked }).then(
                        (answer) => answer && upsert(answer.destination),
                      )
                    }
                  />
                  {t('studio.simulcast.enabled')}
                </label>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={t('studio.simulcast.removeLabel', { name: nameOf(d.platform) })}
                  onClick={() => void send('simulcast:remove', { showId, destinationId: d.id }).then((answer) => answer && forget(d.id))}
                  className="min-h-11 text-sm underline disabled:opacity-60"
                >
                  {t('studio.simulcast.remove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void add(e)} className="grid gap-2">
        <label htmlFor={`${id}-platform`}>{t('studio.simulcast.platform')}</label>
        <select
          id={`${id}-platform`}
          value={platform}
          onChange={(e) => {
            const chosen = PLATFORMS.find((p) => p.value === e.target.value) ?? PLATFORMS[0]!;
            setPlatform(chosen.value);
            setIngestUrl(chosen.ingestUrl);
          }}
          className={field}
        >
          {PLATFORMS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.name ?? t('studio.simulcast.customPlatform')}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-url`}>{t('studio.simulcast.url')}</label>
        <input
          id={`${id}-url`}
          type="url"
          inputMode="url"
          value={ingestUrl}
          maxLength={300}
          required
          placeholder="rtmps://"
          onChange={(e) => setIngestUrl(e.target.value)}
          className={field}
        />
        <label htmlFor={`${id}-key`}>{t('studio.simulcast.key')}</label>
        <input
          id={`${id}-key`}
          type="password"
          autoComplete="off"
          value={streamKey}
          maxLength={512}
          required
          aria-describedby={`${id}-key-hint`}
          onChange={(e) => setStreamKey(e.target.value)}
          className={field}
        />
        <p id={`${id}-key-hint`} className="text-xs text-neutral-600">
          {t('studio.simulcast.keyHint')}
        </p>
        <button type="submit" disabled={busy} className="min-h-11 rounded-full bg-ink px-4 py-2 font-bold text-white disabled:opacity-60">
          {t('studio.simulcast.add')}
        </button>
      </form>
      {error && (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}
