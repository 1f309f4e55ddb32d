'use client';

import { useI18n } from '@/app/_i18n/client';
import { AssistantReplyView } from './assistant-reply';
import type { AssistantEntry } from './use-assistant';

/** The assistant's public answers to "@shop" chat lines, under the chat: who asked what, and the answer with its product card. */
export function PublicReplies({ entries }: { entries: AssistantEntry[] }) {
  const { t } = useI18n();
  const last = entries.at(-1);
  if (!last?.reply) return null;
  return (
    <div role="log" aria-live="polite" aria-label={t('assistant.name')} className="rounded-2xl bg-white/95 p-2 text-sm text-ink shadow">
      <p className="text-xs text-neutral-600">{t('assistant.askedBy', { name: last.askedBy ?? '', question: last.question })}</p>
      <div data-testid="assistant-public-reply">
        <p className="text-xs font-semibold text-brand-600">{t('assistant.name')}</p>
        <AssistantReplyView key={last.id} reply={last.reply} />
      </div>
    </div>
  );
}
