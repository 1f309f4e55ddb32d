'use client';

import { useState, type FormEvent, type RefObject } from 'react';
import type { QuestionView } from '@/server/domain/questions';
import { useI18n } from '@/app/_i18n/client';
import type { ShowClientSocket } from '../../../_lib/show-socket';
import { useModalSheet } from '../use-modal-sheet';
import { useEngageRequest } from './use-engage-request';

/** Q&A apart from chat: ask, and upvote what others asked (once each). A sheet on a phone. */
export function QuestionsSheet({
  showId,
  questions,
  upvoted,
  onUpvoted,
  socketRef,
  signedIn,
  onClose,
}: {
  showId: string;
  questions: QuestionView[];
  upvoted: ReadonlySet<string>;
  onUpvoted: (questionId: string) => void;
  socketRef: RefObject<ShowClientSocket | null>;
  signedIn: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { dialogProps, handleProps, close } = useModalSheet(onClose);
  const { send, error, busy } = useEngageRequest(socketRef);
  const [text, setText] = useState('');

  async function ask(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    if (await send('question:ask', { showId, text })) setText('');
  }

  async function upvote(questionId: string) {
    if (await send('question:upvote', { showId, questionId })) onUpvoted(questionId);
  }

  return (
    <dialog
      {...dialogProps}
      aria-labelledby="questions-heading"
      className="m-0 mt-auto max-h-[85dvh] w-full max-w-none rounded-t-2xl bg-white p-0 text-ink backdrop:bg-black/50 md:m-auto md:max-w-lg md:rounded-2xl"
    >
      <div {...handleProps} className="flex items-center justify-between gap-2 border-b border-neutral-200 px-4 py-3">
        <h2 id="questions-heading" className="font-bold">
          {t('engage.questions.heading')}
        </h2>
        <button type="button" onClick={close} className="rounded-full px-3 py-1 text-sm font-semibold hover:bg-neutral-100">
          {t('engage.questions.close')}
        </button>
      </div>
      <div className="space-y-3 p-4">
        {signedIn ? (
          <form onSubmit={(e) => void ask(e)} className="flex gap-2">
            <label htmlFor="question-text" className="sr-only">
              {t('engage.questions.label')}
            </label>
            <input
              id="question-text"
              value={text}
              onChange={(e) => setText(e.target.value)}
              maxLength={200}
              placeholder={t('engage.questions.placeholder')}
              className="min-w-0 flex-1 rounded-full border border-neutral-300 px-3 py-2 text-base"
            />
            <button type="submit" disabled={busy} className="rounded-full bg-brand-500 px-4 py-2 font-bold text-white disabled:opacity-60">
              {t('engage.questions.ask')}
            </button>
          </form>
        ) : (
          <p className="text-sm">{t('engage.questions.signIn')}</p>
        )}
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
        {questions.length === 0 ? (
          <p className="text-sm text-neutral-600">{t('engage.questions.empty')}</p>
        ) : (
          <ul className="space-y-2" aria-label={t('engage.questions.heading')}>
            {questions.map((q) => (
              <li key={q.id} className="flex items-start justify-between gap-3 rounded-xl bg-neutral-50 p-3" data-testid="question">
                <div className="min-w-0">
                  {q.status === 'ANSWERING' && (
                    <p className="text-xs font-bold uppercase text-brand-600">{t('engage.questions.answeringNow')}</p>
                  )}
                  <p className="break-words">{q.text}</p>
                  <p className="text-xs text-neutral-600">{t('engage.questions.by', { name: q.authorName })}</p>
                </div>
                <button
                  type="button"
                  aria-pressed={upvoted.has(q.id)}
                  aria-label={t('engage.questions.upvoteLabel', { text: q.text })}
                  disabled={!signedIn || busy || upvoted.has(q.id)}
                  onClick={() => void upvote(q.id)}
                  className="shrink-0 rounded-full border border-neutral-300 px-3 py-1 text-sm font-semibold tabular-nums aria-pressed:border-brand-500 aria-pressed:bg-brand-500/10"
                >
                  ▲ {t('engage.questions.upvote', { count: q.upvotes })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </dialog>
  );
}
