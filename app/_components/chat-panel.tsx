'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { useCountdown } from '@/app/_lib/use-countdown';
import { serverNow } from '@/app/_lib/server-clock';
import type { ChatMessageView } from '@/server/domain/chat';

export const CHAT_MAX_LENGTH = 300;

/** A refusal that says when sending can succeed again (slow mode). */
export interface ChatRefusal {
  message: string;
  retryAfterSeconds?: number;
}

export interface ChatActions {
  send(text: string): Promise<string | null | ChatRefusal>;
  remove?(messageId: string): void;
  ban?(userId: string, name: string): void;
  pin?(messageId: string | null): void;
  /** The host brings the message's author on stage. */
  inviteToStage?(userId: string, name: string): void;
}

const MODERATION_BUTTON =
  'inline-flex min-h-11 min-w-11 items-center justify-center rounded-full border border-neutral-300 bg-white px-3 text-xs font-semibold text-ink hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-brand-500';

const ROLE_BADGE = { host: 'chat.roleHost', moderator: 'chat.roleModerator', viewer: null } as const;

// "overlay" sits on the video on a phone (light text on dark) and in the side panel on a wide screen.
const TONES = {
  light: {
    root: '',
    muted: 'text-neutral-500',
    line: '',
    pinned: 'bg-amber-50 text-amber-900',
    input: 'border border-neutral-300 bg-white',
    link: '',
    log: '',
  },
  overlay: {
    root: 'text-white md:text-ink',
    muted: 'text-white/80 md:text-neutral-500',
    line: '[text-shadow:0_1px_2px_rgb(0_0_0/0.8)] md:[text-shadow:none]',
    // On a phone the pinned line is clamped to one line and the log to about four, fading out at the top, so chat keeps to its zone.
    pinned: 'truncate bg-black/50 !py-1.5 md:overflow-visible md:whitespace-normal md:!py-2 md:bg-amber-50 md:text-amber-900',
    log: 'max-h-[5.25rem] [mask-image:linear-gradient(to_bottom,transparent,black_1.25rem)] md:max-h-none md:[mask-image:none]',
    input:
      'bg-black/40 text-white placeholder:text-white/70 md:border md:border-neutral-300 md:bg-white md:text-ink md:placeholder:text-neutral-500',
    link: 'text-white md:text-ink',
  },
  // The studio's chat keeps its full height.
} as const;

/**
 * Chat for viewers and the studio. Messages are always rendered as text: React
 * escapes them and nothing turns them into links or markup.
 */
export function ChatPanel({
  messages,
  pinnedMessage,
  slowModeSeconds,
  signedIn,
  canModerate,
  actions,
  tone = 'light',
  typedBeforeHydration,
}: {
  messages: ChatMessageView[];
  pinnedMessage: ChatMessageView | null;
  slowModeSeconds: number;
  signedIn: boolean;
  canModerate: boolean;
  actions: ChatActions;
  tone?: keyof typeof TONES;
  /** What the viewer typed into the server's HTML of this box before its code ran (app/shows/[showId]/typed-before-hydration.ts). */
  typedBeforeHydration?: { readonly current: string };
}) {
  // Empty at first, as the server rendered it: a hydrating render that differed would leave the server's disabled
  // Send in place (React does not patch attributes while hydrating). The commit below takes in what was typed.
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // Slow mode: when this viewer may send again. The notice counts down and clears itself.
  const [waitUntil, setWaitUntil] = useState<string | null>(null);
  const waitSeconds = useCountdown(waitUntil);
  const listRef = useRef<HTMLDivElement>(null);
  const t = TONES[tone];
  const pathname = usePathname();
  const { t: tr } = useI18n();

  const inputRef = useRef<HTMLInputElement>(null);
  // What was typed before this panel ran is in the server's box (hydrated in place) or, when the zone was rendered
  // afresh, only in typedBeforeHydration; the commit, before the first paint, makes it the draft.
  useLayoutEffect(() => {
    const typed = typedBeforeHydration?.current || inputRef.current?.value || '';
    if (typed) setDraft((current) => current || typed);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, at the commit that takes over the server's box
  }, []);

  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [messages.length]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = draft.trim();
    if (!text || sending) return;
    setSending(true);
    const failure = await actions.send(text);
    setSending(false);
    // On the server's clock, which the countdown reads.
    const after = (seconds: number) => new Date(serverNow() + seconds * 1000).toISOString();
    if (failure === null) {
      setError(null);
      setDraft('');
      if (slowModeSeconds > 0 && !canModerate) setWaitUntil(after(slowModeSeconds));
    } else if (typeof failure !== 'string' && failure.retryAfterSeconds) {
      setError(null);
      setWaitUntil(after(failure.retryAfterSeconds));
    } else {
      setError(typeof failure === 'string' ? failure : failure.message);
    }
  }

  return (
    <section aria-label={tr('chat.region')} className={`flex min-h-0 flex-1 flex-col gap-2 ${t.root}`}>
      {pinnedMessage && (
        <p className={`rounded-lg px-3 py-2 text-sm ${t.pinned}`} data-testid="pinned-message">
          <span className="font-semibold">{tr('chat.pinned', { name: pinnedMessage.author.name })} </span>
          {pinnedMessage.text}
          {canModerate && actions.pin && (
            <button type="button" onClick={() => actions.pin?.(null)} className="ml-2 underline">
              {tr('chat.unpin')}
            </button>
          )}
        </p>
      )}
      {/* The log role would hide the list semantics of <ol>, so it wraps the list. */}
      <div
        ref={listRef}
        role="log"
        aria-live="polite"
        aria-label={tr('chat.log')}
        className={`min-h-0 flex-1 overflow-y-auto overscroll-contain ${t.log}`}
        data-testid="chat-messages"
      >
        <ol className="space-y-1">
          {messages.length === 0 && <li className={`text-sm ${t.muted}`}>{tr('chat.empty')}</li>}
          {messages.map((m) => (
            <li key={m.id} className={`text-sm leading-snug ${t.line}`}>
              <span className="font-semibold">{m.author.name}</span>
              {ROLE_BADGE[m.author.role] && (
                <span className="ml-1 rounded bg-brand-500 px-1 text-[10px] font-bold uppercase text-white">
                  {tr(ROLE_BADGE[m.author.role]!)}
                </span>
              )}{' '}
              <span className="break-words" data-testid="chat-text">
                {m.text}
              </span>
              {canModerate && (
                // Its own row of real buttons, 44 px tall and apart, so a hurried host hits the one they meant.
                <span className="mt-1 flex flex-wrap gap-2" data-testid="chat-moderation">
                  {actions.pin && (
                    <button
                      type="button"
                      className={MODERATION_BUTTON}
                      onClick={() => actions.pin?.(m.id)}
                      aria-label={tr('chat.pinLabel', { name: m.author.name })}
                    >
                      {tr('chat.pin')}
                    </button>
                  )}
                  {actions.remove && (
                    <button
                      type="button"
                      className={MODERATION_BUTTON}
                      onClick={() => actions.remove?.(m.id)}
                      aria-label={tr('chat.deleteLabel', { name: m.author.name })}
                    >
                      {tr('chat.delete')}
                    </button>
                  )}
                  {actions.inviteToStage && m.author.role !== 'host' && (
                    <button
                      type="button"
                      className={MODERATION_BUTTON}
                      onClick={() => actions.inviteToStage?.(m.author.id, m.author.name)}
                      aria-label={tr('chat.stageInviteLabel', { name: m.author.name })}
                    >
                      {tr('chat.stageInvite')}
                    </button>
                  )}
                  {actions.ban && m.author.role === 'viewer' && (
                    <button
                      type="button"
                      className={`${MODERATION_BUTTON} border-red-300 text-red-800 hover:bg-red-50`}
                      onClick={() => actions.ban?.(m.author.id, m.author.name)}
                      aria-label={tr('chat.banLabel', { name: m.author.name })}
                    >
                      {tr('chat.ban')}
                    </button>
                  )}
                </span>
              )}
            </li>
          ))}
        </ol>
      </div>
      {waitSeconds > 0 ? (
        <p role="status" className={`text-xs ${t.muted}`} data-testid="slow-mode-wait">
          {tr('chat.slowModeWait', { seconds: waitSeconds })}
        </p>
      ) : (
        slowModeSeconds > 0 && <p className={`text-xs ${t.muted}`}>{tr('chat.slowMode', { seconds: slowModeSeconds })}</p>
      )}
      {signedIn ? (
        <form onSubmit={submit} className="flex gap-2">
          <label htmlFor="chat-input" className="sr-only">
            {tr('chat.message')}
          </label>
          <input
            ref={inputRef}
            id="chat-input"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            maxLength={CHAT_MAX_LENGTH}
            autoComplete="off"
            placeholder={tr('chat.placeholder')}
            className={`min-w-0 flex-1 rounded-full px-4 py-2 text-sm focus:outline-none focus:ring-2 focus:ring-brand-500 ${t.input}`}
          />
          <button
            type="submit"
            disabled={sending || !draft.trim() || waitSeconds > 0}
            className="rounded-full bg-brand-500 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50"
          >
            {tr('chat.send')}
          </button>
        </form>
      ) : (
        <a href={`/signin?callbackUrl=${encodeURIComponent(pathname)}`} className={`text-sm underline ${t.link}`}>
          {tr('chat.signInToChat')}
        </a>
      )}
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-1.5 text-sm text-red-800">
          {error}
        </p>
      )}
    </section>
  );
}
