'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ReactionKind } from '@/server/realtime/protocol';
import { useI18n } from '../../_i18n/client';
import type { MessageKey } from '../../_i18n/translate';

// Drawn, not typed: an emoji is only as good as the fonts of the machine, and
// two of them came out as black glyphs on the black video. Bright fills show on
// any video; the button's label names each one.
const ICONS: Record<ReactionKind, ReactNode> = {
  heart: (
    <path
      d="M12 21s-7.6-4.6-9.7-9.3C.9 8.3 3.1 4.5 6.7 4.5c2.1 0 3.5 1.2 5.3 3.2 1.8-2 3.2-3.2 5.3-3.2 3.6 0 5.8 3.8 4.4 7.2C19.6 16.4 12 21 12 21z"
      fill="#fb3b6e"
    />
  ),
  fire: (
    <>
      <path
        d="M12 1.5c1.2 3.8 6.5 6.4 6.5 12.2a6.5 6.5 0 0 1-13 0c0-3 1.7-4.9 3-6.6.3 2.2 1.3 3.3 2.5 3.8-.6-3.6.2-6.6 1-9.4z"
        fill="#ff7a1a"
      />
      <path d="M12 12.5c1.2 1.6 3 2.7 3 5a3 3 0 0 1-6 0c0-1.5.9-2.4 1.6-3.2.2.9.6 1.3 1 1.5-.1-1.2.1-2.3.4-3.3z" fill="#ffd23f" />
    </>
  ),
  clap: (
    <>
      <rect x="4.5" y="7" width="7" height="14" rx="3.5" transform="rotate(-18 8 14)" fill="#ffc93c" />
      <rect x="12.5" y="7" width="7" height="14" rx="3.5" transform="rotate(18 16 14)" fill="#ffb020" />
      <path d="M12 1.5v3M6.8 3l1.4 2.6M17.2 3l-1.4 2.6" stroke="#fff3c4" strokeWidth="1.8" strokeLinecap="round" />
    </>
  ),
  laugh: (
    <>
      <circle cx="12" cy="12" r="10" fill="#ffd23f" />
      <path d="M6.8 9.8q1.7-2.2 3.4 0M13.8 9.8q1.7-2.2 3.4 0" stroke="#6b3a00" strokeWidth="1.7" fill="none" strokeLinecap="round" />
      <path d="M6.5 13h11a5.5 5.5 0 0 1-11 0z" fill="#6b3a00" />
    </>
  ),
  wow: (
    <>
      <circle cx="12" cy="12" r="10" fill="#ffd23f" />
      <circle cx="8.5" cy="9.5" r="1.4" fill="#6b3a00" />
      <circle cx="15.5" cy="9.5" r="1.4" fill="#6b3a00" />
      <ellipse cx="12" cy="15.5" rx="2.3" ry="3" fill="#6b3a00" />
    </>
  ),
};

function ReactionIcon({ kind, size }: { kind: ReactionKind; size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden focusable="false">
      {ICONS[kind]}
    </svg>
  );
}

export const REACTIONS: { kind: ReactionKind; label: MessageKey }[] = [
  { kind: 'heart', label: 'viewer.reactions.heart' },
  { kind: 'fire', label: 'viewer.reactions.fire' },
  { kind: 'clap', label: 'viewer.reactions.clap' },
  { kind: 'laugh', label: 'viewer.reactions.laugh' },
  { kind: 'wow', label: 'viewer.reactions.wow' },
];
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
          <ReactionIcon kind={r.kind} size={22} />
        </button>
      ))}
    </div>
  );
}

/** Floats a few reaction icons up the video for each burst; purely decorative. */
export function FloatingReactions({ burst }: { burst: { counts: Partial<Record<ReactionKind, number>>; at: number } | null }) {
  const [items, setItems] = useState<{ id: string; kind: ReactionKind; left: number }[]>([]);
  useEffect(() => {
    if (!burst) return;
    const fresh = Object.entries(burst.counts).flatMap(([kind, count]) =>
      Array.from({ length: Math.min(count ?? 0, 4) }, (_, i) => ({
        id: `${burst.at}-${kind}-${i}`,
        kind: kind as ReactionKind,
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
        <span key={item.id} className="absolute bottom-0 animate-[float-up_2.5s_ease-out_forwards]" style={{ left: `${item.left}%` }}>
          <ReactionIcon kind={item.kind} size={28} />
        </span>
      ))}
    </div>
  );
}
