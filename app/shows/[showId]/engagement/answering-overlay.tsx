'use client';

import type { QuestionView } from '@/server/domain/questions';
import { useI18n } from '@/app/_i18n/client';

/** The question the host is answering, over the stream for every viewer. */
export function AnsweringOverlay({ questions }: { questions: readonly QuestionView[] }) {
  const { t } = useI18n();
  const answering = questions.find((q) => q.status === 'ANSWERING');
  return (
    <div aria-live="polite" className="pointer-events-none absolute inset-x-3 top-28 z-10 flex justify-center">
      {answering && (
        <p data-testid="answering-now" className="max-w-md rounded-xl bg-black/75 px-4 py-2 text-center text-white shadow-lg">
          <span className="block text-xs font-bold uppercase tracking-wide text-brand-300">{t('engage.questions.answeringNow')}</span>
          <span className="break-words">{answering.text}</span>
          <span className="block text-xs text-white/80">{t('engage.questions.by', { name: answering.authorName })}</span>
        </p>
      )}
    </div>
  );
}
