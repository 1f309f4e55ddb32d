'use client';

import Link from 'next/link';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../_i18n/client';
import { EyeIcon } from '../_components/icons';
import { formatPrice } from '../_lib/format';
import { useShowChannel } from '../shows/[showId]/use-show-channel';
import { useFeedMedia, type FeedMediaShow } from './use-feed-media';

export interface FeedShow extends FeedMediaShow {
  title: string;
  hostName: string;
  brandName: string;
  coverImageUrl: string | null;
}

/**
 * Live shows one screen each, swiped up and down with scroll snapping (or the
 * arrow keys, or the buttons). The show on screen plays; the next one waits
 * prepared (see useFeedMedia), so a swipe shows it moving at once.
 */
export function SwipeFeed({ shows }: { shows: FeedShow[] }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState(0);
  const slides = useRef<(HTMLElement | null)[]>([]);
  const videos = useRef(new Map<string, HTMLVideoElement>());
  useFeedMedia(shows, current, videos);

  // The slide most in view is the current one: scroll snapping settles there after a swipe.
  useEffect(() => {
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) if (entry.isIntersecting) setCurrent(Number((entry.target as HTMLElement).dataset.index));
      },
      { threshold: 0.6 },
    );
    for (const slide of slides.current) if (slide) observer.observe(slide);
    return () => observer.disconnect();
  }, [shows.length]);

  const go = (index: number) => slides.current[Math.max(0, Math.min(shows.length - 1, index))]?.scrollIntoView({ block: 'start' });
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowDown' || event.key === 'PageDown' ? 1 : event.key === 'ArrowUp' || event.key === 'PageUp' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    go(current + step);
  };

  return (
    <main className="relative bg-black text-white">
      <h1 className="sr-only">{t('feed.title')}</h1>
      <div
        role="region"
        aria-label={t('feed.label')}
        aria-roledescription="carousel"
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="swipe-feed"
        className="h-[100dvh] snap-y snap-mandatory overflow-y-scroll overscroll-contain focus-visible:outline-2 focus-visible:outline-brand-500"
      >
        {shows.map((show, index) => (
          <section
            key={show.id}
            ref={(el) => {
              slides.current[index] = el;
            }}
            data-index={index}
            data-show-id={show.id}
            data-media={show.watchHints ? 'sending' : 'none'}
            aria-roledescription="slide"
            aria-label={t('feed.slide', { index: index + 1, count: shows.length, title: show.title })}
            aria-current={index === current ? 'true' : undefined}
            className="relative h-[100dvh] snap-start snap-always overflow-hidden"
          >
            <video
              ref={(el) => {
                if (el) videos.current.set(show.id, el);
                else videos.current.delete(show.id);
              }}
              data-testid="feed-video"
              className="h-full w-full object-cover"
              autoPlay
              playsInline
              muted
              poster={show.coverImageUrl ?? '/poster.svg'}
            />
            <div className="pointer-events-none absolute inset-x-0 top-0 bg-gradient-to-b from-black/60 to-transparent p-3">
              <h2 className="truncate text-base font-semibold">{show.title}</h2>
              <p className="truncate text-sm text-white/80">{t('feed.byline', { host: show.hostName, brand: show.brandName })}</p>
            </div>
            {index === current && <CurrentShowOverlay showId={show.id} />}
          </section>
        ))}
      </div>
      <nav className="absolute right-3 top-1/2 flex -translate-y-1/2 flex-col gap-2">
        <button
          type="button"
          onClick={() => go(current - 1)}
          disabled={current === 0}
          aria-label={t('feed.previous')}
          className="rounded-full bg-black/50 px-3 py-2 text-lg disabled:opacity-30"
        >
          ↑
        </button>
        <button
          type="button"
          onClick={() => go(current + 1)}
          disabled={current === shows.length - 1}
          aria-label={t('feed.next')}
          className="rounded-full bg-black/50 px-3 py-2 text-lg disabled:opacity-30"
        >
          ↓
        </button>
      </nav>
      <Link href="/" className="absolute right-3 top-3 rounded-full bg-black/50 px-3 py-1 text-sm font-semibold">
        {t('feed.backHome')}
      </Link>
    </main>
  );
}

/** The current show's channel: its viewer count, pinned product and latest chat over the video. */
function CurrentShowOverlay({ showId }: { showId: string }) {
  const { t, intl } = useI18n();
  const { state } = useShowChannel(showId, 'LIVE');
  const variant = state.pinned?.variants[0];
  return (
    <div className="absolute inset-x-3 bottom-3 flex flex-col gap-2">
      <span
        aria-label={t('viewer.page.watching', { count: state.viewerCount })}
        className="w-fit rounded bg-black/50 px-2 py-0.5 text-sm"
        data-testid="feed-viewer-count"
      >
        <EyeIcon /> {state.viewerCount}
      </span>
      {state.chat.length > 0 && (
        <ul aria-label={t('feed.recentChat')} className="space-y-1 text-sm">
          {state.chat.slice(-3).map((message) => (
            <li key={message.id} className="w-fit max-w-full truncate rounded-lg bg-black/50 px-2 py-1">
              <span className="font-semibold">{message.author.name}</span> {message.text}
            </li>
          ))}
        </ul>
      )}
      {state.pinned && (
        <p className="flex items-center justify-between gap-2 rounded-2xl bg-white/95 p-3 text-ink" data-testid="feed-pinned">
          <span className="truncate font-semibold">{state.pinned.title}</span>
          {variant && <span className="shrink-0 tabular-nums">{formatPrice(variant.priceMinor, variant.currency, intl)}</span>}
        </p>
      )}
      <Link href={`/shows/${showId}`} className="w-fit rounded-full bg-brand-500 px-4 py-2 text-sm font-bold text-white">
        {t('feed.openShow')}
      </Link>
    </div>
  );
}
