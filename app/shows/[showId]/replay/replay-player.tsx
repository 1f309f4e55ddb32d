'use client';

import { useEffect, useRef, useState } from 'react';
import type Hls from 'hls.js';
import { useI18n } from '../../../_i18n/client';
import type { PlayoutClock } from '../../../_lib/playout-clock';
import {
  chapterClock,
  playheadOfServerTime,
  serverTimeOfPlayhead,
  type ReplayChapter,
  type TimedSegment,
} from '@/server/domain/replay-timeline';

/** The replay's clock, which can also be moved: a chapter mark seeks to the server time of its pin. */
export interface ReplayClock extends PlayoutClock {
  seekToServerMs(atMs: number): void;
}

// A chapter lands just after its pin (half a frame at 25 fps), so the pinned product is on screen when it does.
const AFTER_PIN_S = 0.02;

type NativeHlsVideo = HTMLVideoElement & { getStartDate?: () => Date };

/**
 * Plays a recording's HLS with hls.js, loaded only here (never in the live viewer's bundle), or
 * natively where the browser plays HLS itself. It tells the page what server time is on screen
 * through a PlayoutClock (path 'replay'): the program date time of the frame at the playhead.
 */
export function ReplayPlayer({
  src,
  poster,
  label,
  chapters,
  durationMs,
  onClock,
}: {
  src: string;
  poster: string;
  label: string;
  chapters: readonly ReplayChapter[];
  durationMs: number;
  onClock: (clock: ReplayClock | null) => void;
}) {
  const { t, format } = useI18n();
  const videoRef = useRef<HTMLVideoElement>(null);
  const clockRef = useRef<ReplayClock | null>(null);
  const [segments, setSegments] = useState<TimedSegment[]>([]);
  const [status, setStatus] = useState<'loading' | 'playing' | 'failed'>('loading');
  const [position, setPosition] = useState(0);
  const [duration, setDuration] = useState(durationMs / 1000);
  const [paused, setPaused] = useState(false);
  const [muted, setMuted] = useState(true);

  useEffect(() => {
    const video = videoRef.current!;
    let hls: Hls | null = null;
    let cancelled = false;
    let known: TimedSegment[] = [];
    const listeners = new Set<() => void>();
    const notify = () => listeners.forEach((listener) => listener());
    const clock: ReplayClock = {
      path: 'replay',
      playoutServerMs() {
        if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return null;
        const fromSegments = serverTimeOfPlayhead(known, video.currentTime);
        if (fromSegments !== null) return fromSegments;
        // Native HLS (Safari) gives the first program date time only.
        const start = (video as NativeHlsVideo).getStartDate?.().getTime();
        return start && Number.isFinite(start) ? start + video.currentTime * 1000 : null;
      },
      subscribe(listener) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
      seekToServerMs(atMs) {
        const start = (video as NativeHlsVideo).getStartDate?.().getTime();
        const playhead = playheadOfServerTime(known, atMs) ?? (start && Number.isFinite(start) ? Math.max(0, (atMs - start) / 1000) : null);
        if (playhead === null) return;
        video.currentTime = playhead + AFTER_PIN_S;
        void video.play().catch(() => undefined);
      },
    };
    const events: [keyof HTMLMediaElementEventMap, () => void][] = [
      ['timeupdate', () => setPosition(video.currentTime)],
      ['durationchange', () => Number.isFinite(video.duration) && setDuration(video.duration)],
      ['play', () => setPaused(false)],
      ['pause', () => setPaused(true)],
      ['volumechange', () => setMuted(video.muted)],
      ['playing', () => (setStatus('playing'), notify())],
      ['seeked', notify],
      ['waiting', notify],
      ['loadeddata', notify],
    ];
    for (const [event, handler] of events) video.addEventListener(event, handler);

    void (async () => {
      const { default: HlsPlayer } = await import('hls.js');
      if (cancelled) return;
      if (HlsPlayer.isSupported()) {
        hls = new HlsPlayer({ startPosition: 0 });
        const player = hls;
        player.on(HlsPlayer.Events.LEVEL_LOADED, (_event, data) => {
          known = data.details.fragments.map((f) => ({ start: f.start, duration: f.duration, programDateTimeMs: f.programDateTime }));
          setSegments(known);
          notify();
        });
        player.on(HlsPlayer.Events.ERROR, (_event, data) => {
          if (data.fatal) setStatus('failed');
        });
        player.loadSource(src);
        player.attachMedia(video);
      } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
        video.src = src;
      } else {
        setStatus('failed');
        return;
      }
      clockRef.current = clock;
      onClock(clock);
      // Muted, so autoplay is always allowed; the sound button is one tap away.
      video.play().catch(() => setPaused(true));
    })();
    return () => {
      cancelled = true;
      for (const [event, handler] of events) video.removeEventListener(event, handler);
      hls?.destroy();
      clockRef.current = null;
      onClock(null);
    };
  }, [src, onClock]);

  const digits = (n: number, minimumIntegerDigits: number) => format.number(n, { minimumIntegerDigits, useGrouping: false });
  const timeText = (seconds: number) => chapterClock(seconds * 1000, digits);

  return (
    <div className="absolute inset-0">
      <video
        ref={videoRef}
        aria-label={label}
        data-testid="replay-video"
        poster={poster}
        muted
        playsInline
        className="h-full w-full object-contain"
      />
      {status !== 'playing' && (
        <p role="status" className="absolute inset-x-4 top-1/3 mx-auto max-w-sm rounded-xl bg-black/70 p-4 text-center text-white">
          {status === 'failed' ? t('viewer.replay.failed') : t('viewer.replay.loading')}
        </p>
      )}
      {/* The controls sit above the phone's bottom zone's reach on a wide screen; on a phone the page places the zone above them. */}
      <div className="absolute inset-x-0 bottom-0 z-20 flex items-center gap-2 bg-gradient-to-t from-black/70 to-transparent px-3 pb-2 pt-6 text-white">
        <button
          type="button"
          onClick={() => {
            const video = videoRef.current;
            if (video?.paused) void video.play().catch(() => undefined);
            else video?.pause();
          }}
          className="rounded-full bg-white/20 px-3 py-1 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-white"
        >
          {paused ? t('viewer.replay.play') : t('viewer.replay.pause')}
        </button>
        <button
          type="button"
          onClick={() => {
            const video = videoRef.current;
            if (video) video.muted = !video.muted;
          }}
          className="rounded-full bg-white/20 px-3 py-1 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-white"
        >
          {muted ? t('viewer.replay.unmute') : t('viewer.replay.mute')}
        </button>
        <div className="relative min-w-0 flex-1">
          <input
            type="range"
            min={0}
            max={duration || 0}
            step={0.1}
            value={Math.min(position, duration || 0)}
            aria-label={t('viewer.replay.seek')}
            aria-valuetext={t('viewer.replay.position', { current: timeText(position), total: timeText(duration) })}
            onChange={(event) => {
              if (videoRef.current) videoRef.current.currentTime = Number(event.target.value);
            }}
            className="w-full accent-brand-500"
          />
          {/* The chapter marks: one per pin, at the playhead of its server time; each jumps there. */}
          <ol aria-label={t('viewer.replay.chapters')} className="pointer-events-none absolute inset-x-0 -top-2 h-3">
            {duration > 0 &&
              chapters.map((chapter) => {
                const at = playheadOfServerTime(segments, chapter.atMs) ?? chapter.offsetMs / 1000;
                const name = t('viewer.replay.chapter', { product: chapter.title, time: timeText(at) });
                return (
                  <li key={`${chapter.productId}-${chapter.atMs}`} className="absolute" style={{ left: `${(100 * at) / duration}%` }}>
                    <button
                      type="button"
                      aria-label={name}
                      title={name}
                      onClick={() => clockRef.current?.seekToServerMs(chapter.atMs)}
                      className="pointer-events-auto block h-3 w-3 -translate-x-1/2 rounded-full border-2 border-white bg-brand-500 focus-visible:outline-2 focus-visible:outline-white"
                    />
                  </li>
                );
              })}
          </ol>
        </div>
        <span className="shrink-0 text-xs tabular-nums" aria-hidden="true">
          {timeText(position)} / {timeText(duration)}
        </span>
      </div>
    </div>
  );
}
