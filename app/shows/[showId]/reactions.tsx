'use client';

import { useEffect, useRef, useState } from 'react';
import type { ReactionKind } from '@/server/realtime/protocol';
import { useI18n } from '../../_i18n/client';
import type { MessageKey } from '../../_i18n/translate';

export const REACTIONS: { kind: ReactionKind; emoji: string; label: MessageKey }[] = [
  { kind: 'heart', emoji: '❤️', label: 'viewer.reactions.heart' },
  { kind: 'fire', emoji: '🔥', label: 'viewer.reactions.fire' },
  { kind: 'clap', emoji: '👏', label: 'viewer.reactions.clap' },
  { kind: 'laugh', emoji: '😂', label: 'viewer.reactions.laugh' },
  { kind: 'wow', emoji: '😮', label: 'viewer.reactions.wow' },
];
const EMOJI = Object.fromEntries(REACTIONS.map((r) => [r.kind, r.emoji])) as Record<ReactionKind, string>;
const MAX_FLOATING = 12;

/** Taps are counted locally and sent every 300 ms as one event, however fast the thumb. */
export function ReactionBar({ onSend, vertical = false }: { onSend: (kind: ReactionKind, count: number) => void; vertical?: boolean }) {
  const { t } = useI18n();
  const pending = useRef(new Map<ReactionKind, number>());
  useEffect(() => {
    const timer = setInterval(() => {
      for (const [kind, count] of pending.current) onSend(kind, Math.min(count, 50));
      pending.current.clear();
    }, 300);
    return () => clearInterval(timer);
  }, [onSend]);
  return (
    <div role="group" aria-label={t('viewer.reactions.group')} className={`flex gap-1 ${vertical ? 'flex-col' : ''}`}>
      {REACTIONS.map((r) => (
        <button
          key={r.kind}
          type="button"
          aria-label={t(r.label)}
          onClick={() => pending.current.set(r.kind, (pending.current.get(r.kind) ?? 0) + 1)}
          className="grid h-10 w-10 place-items-center rounded-full bg-black/40 text-lg backdrop-blur hover:bg-black/60 focus-visible:outline-2 focus-visible:outline-white active:scale-90 motion-reduce:active:scale-100"
        >
          <span aria-hidden>{r.emoji}</span>
        </button>
      ))}
    </div>
  );
}

/** Floats a few emoji up the video for each burst; purely decorative. */
export function FloatingReactions({ burst }: { burst: { counts: Partial<Record<ReactionKind, number>>; at: number } | null }) {
  const [items, setItems] = useState<{ id: string; emoji: string; left: number }[]>([]);
  useEffect(() => {
    if (!burst) return;
    const fresh = Object.entries(burst.counts).flatMap(([kind, count]) =>
      Array.from({ length: Math.min(count ?? 0, 4) }, (_, i) => ({
        id: `${burst.at}-${kind}-${i}`,
        emoji: EMOJI[kind as ReactionKind],
        left: 10 + Math.random() * 70,
      })),
    );
    setItems((current) => [...current, ...fresh].slice(-MAX_FLOATING));
    const timer = setTimeout(() => setItems((current) => current.filter((item) => !fresh.includes(item))), 2500);
    return () => clearTimeout(timer);
  }, [burst]);
  return (
    <div aria-hidden className="pointer-events-none absolute bottom-24 right-2 h-64 w-20 overflow-hidden motion-reduce:hidden">
      {items.map((item) => (
        <span
          key={item.id}
          className="absolute bottom-0 animate-[float-up_2.5s_ease-out_forwards] text-2xl"
          style={{ left: `${item.left}%` }}
        >
          {item.emoji}
        </span>
      ))}
    </div>
  );
}
