'use client';

import { useEffect, useState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import type { ReactionKind } from '@/server/realtime/protocol';
import type { ShowClientSocket } from '../../_lib/show-socket';

const EMOJI = { heart: '❤️', fire: '🔥', clap: '👏', laugh: '😂', wow: '😮' } as const satisfies Record<ReactionKind, string>;
// Every kind (EMOJI is checked against the type), without bringing the protocol's zod schemas into the studio's bundle.
const REACTION_KINDS = Object.keys(EMOJI) as ReactionKind[];
// Emoji fonts first: without them some glyphs draw black on the dark preview.
const EMOJI_FONT = { fontFamily: '"Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji", sans-serif' };
/** How long a burst counts as "just now" for the pulse on the camera preview. */
const RECENT_MS = 4000;

export interface ReactionTally {
  totals: Record<ReactionKind, number>;
  /** The latest burst, for the pulse on the preview. */
  latest: { counts: Partial<Record<ReactionKind, number>>; at: number } | null;
}

const none = (): Record<ReactionKind, number> => ({ heart: 0, fire: 0, clap: 0, laugh: 0, wow: 0 });

/**
 * Viewers' reactions as the host hears them: the server sums taps and sends a
 * `reactions:burst` to the whole room a few times a second; the studio keeps
 * a running count since it opened.
 */
export function useReactionTally(socket: ShowClientSocket | null, showId: string): ReactionTally {
  const [tally, setTally] = useState<ReactionTally>({ totals: none(), latest: null });
  useEffect(() => {
    if (!socket) return;
    const onBurst = (event: { showId: string; counts: Partial<Record<ReactionKind, number>> }) => {
      if (event.showId !== showId) return;
      setTally((current) => {
        const totals = { ...current.totals };
        for (const kind of REACTION_KINDS) totals[kind] += event.counts[kind] ?? 0;
        return { totals, latest: { counts: event.counts, at: Date.now() } };
      });
    };
    socket.on('reactions:burst', onBurst);
    return () => void socket.off('reactions:burst', onBurst);
  }, [socket, showId]);
  return tally;
}

/** A strip of counts under the preview, with the kinds of the latest burst raised for a moment. */
export function ReactionsStrip({ tally }: { tally: ReactionTally }) {
  const { t, format } = useI18n();
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (!tally.latest) return;
    setNow(Date.now());
    const timer = setTimeout(() => setNow(Date.now()), RECENT_MS);
    return () => clearTimeout(timer);
  }, [tally.latest]);
  const recent = tally.latest && now - tally.latest.at < RECENT_MS ? tally.latest.counts : {};
  const total = REACTION_KINDS.reduce((sum, kind) => sum + tally.totals[kind], 0);
  return (
    <section
      aria-labelledby="reactions-heading"
      className="flex flex-wrap items-center gap-2 rounded-2xl bg-white px-4 py-2 shadow-sm"
      data-testid="studio-reactions"
      data-total={total}
    >
      <h2 id="reactions-heading" className="text-sm font-semibold">
        {t('studio.reactions.heading')}
      </h2>
      {total === 0 ? (
        <p className="text-sm text-neutral-600">{t('studio.reactions.none')}</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label={t('studio.reactions.total', { count: total })}>
          {REACTION_KINDS.filter((kind) => tally.totals[kind] > 0).map((kind) => (
            <li
              key={kind}
              data-kind={kind}
              className={`inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-sm tabular-nums transition-transform motion-reduce:transition-none ${recent[kind] ? 'scale-110 bg-brand-50 ring-1 ring-brand-500' : 'bg-neutral-100'}`}
            >
              <span aria-hidden="true" style={EMOJI_FONT}>
                {EMOJI[kind]}
              </span>
              <span className="sr-only">{t(`studio.reactions.kind.${kind}`)}</span>
              {format.number(tally.totals[kind])}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
