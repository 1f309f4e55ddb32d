'use client';

import { useEffect, useState, type RefObject } from 'react';
import type { PollView } from '@/server/domain/polls';
import { useI18n } from '@/app/_i18n/client';
import type { ShowClientSocket } from '../../../_lib/show-socket';
import { useEngageRequest } from './use-engage-request';

/** The poll: tap an answer to vote (once); then, and once it closes, the live bars. */
export function PollCard({
  showId,
  poll,
  myOption: initialOption,
  socketRef,
  signedIn,
}: {
  showId: string;
  poll: PollView;
  myOption: number | null;
  socketRef: RefObject<ShowClientSocket | null>;
  signedIn: boolean;
}) {
  const { t, format } = useI18n();
  const { send, error, busy } = useEngageRequest(socketRef);
  const [voted, setVoted] = useState<{ pollId: string; option: number } | null>(null);
  useEffect(() => setVoted(null), [poll.id]);
  const myOption = voted?.pollId === poll.id ? voted.option : initialOption;
  const showResults = myOption !== null || poll.status === 'CLOSED' || !signedIn;

  async function vote(option: number) {
    const answer = await send('poll:vote', { showId, pollId: poll.id, option });
    if (answer) setVoted({ pollId: poll.id, option });
  }

  return (
    <section aria-labelledby="poll-heading" data-testid="poll-card" className="rounded-2xl bg-white/95 p-3 text-sm text-ink shadow">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="poll-heading" className="font-bold">
          📊 {poll.question}
        </h2>
        <span className="shrink-0 text-xs text-neutral-600">
          {poll.status === 'CLOSED' ? t('engage.poll.closed') : t('engage.poll.votes', { count: poll.total })}
        </span>
      </div>
      <ul className="mt-2 space-y-1.5">
        {poll.options.map((option, i) => {
          const count = poll.counts[i] ?? 0;
          const share = poll.total ? count / poll.total : 0;
          const text = t('engage.poll.share', { option, percent: format.percent(share), count });
          return (
            <li key={i}>
              {showResults ? (
                <div className="relative overflow-hidden rounded-lg bg-neutral-100 px-3 py-1.5" data-testid="poll-result">
                  <div
                    aria-hidden
                    className="absolute inset-y-0 left-0 bg-brand-500/25 transition-[width]"
                    style={{ width: `${share * 100}%` }}
                  />
                  <p className="relative flex justify-between gap-2">
                    <span className={myOption === i ? 'font-bold' : undefined}>
                      {text}
                      {myOption === i && <span className="sr-only"> — {t('engage.poll.yourVote')}</span>}
                    </span>
                    {myOption === i && <span aria-hidden>✓</span>}
                  </p>
                </div>
              ) : (
                <button
                  type="button"
                  disabled={busy || poll.status !== 'OPEN'}
                  onClick={() => void vote(i)}
                  aria-label={t('engage.poll.voteFor', { option })}
                  className="w-full rounded-lg border border-brand-500 px-3 py-1.5 text-left font-semibold disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
                >
                  {option}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {!signedIn && poll.status === 'OPEN' && <p className="mt-1 text-xs">{t('engage.poll.signIn')}</p>}
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}
