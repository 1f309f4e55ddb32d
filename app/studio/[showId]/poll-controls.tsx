'use client';

import { useId, useState, type FormEvent, type RefObject } from 'react';
import type { PollView } from '@/server/domain/polls';
import { useI18n } from '@/app/_i18n/client';
import type { ShowClientSocket } from '../../_lib/show-socket';
import { useEngageRequest } from '../../shows/[showId]/engagement/use-engage-request';

const field = 'w-full rounded-lg border border-neutral-300 px-2 py-1.5';

/** Opens a poll of 2–4 answers, shows its live results, closes it. */
export function PollControls({
  showId,
  poll,
  socketRef,
}: {
  showId: string;
  poll: PollView | null;
  socketRef: RefObject<ShowClientSocket | null>;
}) {
  const { t, format } = useI18n();
  const id = useId();
  const { send, error, busy } = useEngageRequest(socketRef);
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState(['', '']);

  async function start(event: FormEvent) {
    event.preventDefault();
    const answer = await send('poll:start', { showId, question, options: options.map((o) => o.trim()).filter(Boolean) });
    if (answer) {
      setQuestion('');
      setOptions(['', '']);
    }
  }

  return (
    <div className="space-y-2 border-t border-neutral-100 pt-3">
      <h3 className="text-sm font-semibold">{t('engage.studio.poll.heading')}</h3>
      {poll && (
        <div className="space-y-1 text-sm" data-testid="studio-poll">
          <p className="font-medium">
            {poll.question} · {poll.status === 'CLOSED' ? t('engage.poll.closed') : t('engage.poll.votes', { count: poll.total })}
          </p>
          <ul>
            {poll.options.map((option, i) => (
              <li key={i} className="tabular-nums">
                {t('engage.poll.share', {
                  option,
                  percent: format.percent(poll.total ? (poll.counts[i] ?? 0) / poll.total : 0),
                  count: poll.counts[i] ?? 0,
                })}
              </li>
            ))}
          </ul>
          {poll.status === 'OPEN' && (
            <button
              type="button"
              disabled={busy}
              onClick={() => void send('poll:close', { showId, pollId: poll.id })}
              className="rounded-full bg-brand-500 px-4 py-2 font-bold text-white disabled:opacity-60"
            >
              {t('engage.studio.poll.close')}
            </button>
          )}
        </div>
      )}
      {poll?.status !== 'OPEN' && (
        <form onSubmit={(e) => void start(e)} className="grid gap-2 text-sm">
          <label htmlFor={`${id}-q`}>{t('engage.studio.poll.question')}</label>
          <input id={`${id}-q`} value={question} maxLength={120} required onChange={(e) => setQuestion(e.target.value)} className={field} />
          {options.map((option, i) => (
            <div key={i} className="grid gap-1">
              <label htmlFor={`${id}-o${i}`}>{t('engage.studio.poll.option', { number: i + 1 })}</label>
              <input
                id={`${id}-o${i}`}
                value={option}
                maxLength={60}
                required={i < 2}
                onChange={(e) => setOptions(options.map((o, j) => (j === i ? e.target.value : o)))}
                className={field}
              />
            </div>
          ))}
          {options.length < 4 && (
            <button type="button" onClick={() => setOptions([...options, ''])} className="w-fit text-sm underline">
              {t('engage.studio.poll.addOption')}
            </button>
          )}
          <button type="submit" disabled={busy} className="rounded-full bg-ink px-4 py-2 font-bold text-white disabled:opacity-60">
            {t('engage.studio.poll.start')}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
