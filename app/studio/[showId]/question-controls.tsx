'use client';

import type { RefObject } from 'react';
import type { QuestionView } from '@/server/domain/questions';
import { useI18n } from '@/app/_i18n/client';
import type { ShowClientSocket } from '../../_lib/show-socket';
import { useEngageRequest } from '../../shows/[showId]/engagement/use-engage-request';

/** The viewers' questions, most upvoted first: answer one now (shown over the stream), then mark it answered. */
export function QuestionControls({
  showId,
  questions,
  socketRef,
}: {
  showId: string;
  questions: QuestionView[];
  socketRef: RefObject<ShowClientSocket | null>;
}) {
  const { t } = useI18n();
  const { send, error, busy } = useEngageRequest(socketRef);
  return (
    <div className="space-y-2 border-t border-neutral-100 pt-3">
      <h3 className="text-sm font-semibold">{t('engage.studio.questions.heading')}</h3>
      {questions.length === 0 ? (
        <p className="text-sm text-neutral-600">{t('engage.studio.questions.empty')}</p>
      ) : (
        <ul className="space-y-2 text-sm" aria-label={t('engage.studio.questions.heading')}>
          {questions.map((q) => (
            <li
              key={q.id}
              className={`rounded-lg p-2 ${q.status === 'ANSWERING' ? 'bg-brand-500/10' : 'bg-neutral-50'}`}
              data-testid="studio-question"
            >
              <p className="break-words">
                <span className="font-semibold tabular-nums">▲ {q.upvotes}</span> {q.text}
              </p>
              <p className="text-xs text-neutral-600">{t('engage.questions.by', { name: q.authorName })}</p>
              <div className="mt-1 flex flex-wrap gap-2">
                {q.status === 'ANSWERING' ? (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => void send('question:answering', { showId, questionId: null })}
                    className="rounded-full border border-neutral-300 px-3 py-1"
                  >
                    {t('engage.studio.questions.stop')}
                  </button>
                ) : (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => void send('question:answering', { showId, questionId: q.id })}
                    className="rounded-full bg-brand-500 px-3 py-1 font-semibold text-white"
                  >
                    {t('engage.studio.questions.answer')}
                  </button>
                )}
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void send('question:answered', { showId, questionId: q.id })}
                  className="rounded-full border border-neutral-300 px-3 py-1"
                >
                  {t('engage.studio.questions.answered')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
