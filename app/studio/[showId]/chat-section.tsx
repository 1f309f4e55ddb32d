'use client';

import { useId } from 'react';
import { useI18n } from '@/app/_i18n/client';
import type { ChatMessageView } from '@/server/domain/chat';
import { ChatPanel, type ChatActions } from '../../_components/chat-panel';

const SLOW_MODE_SECONDS = [0, 5, 10, 30, 60];

interface ChatSectionProps {
  messages: ChatMessageView[];
  pinnedMessage: ChatMessageView | null;
  slowModeSeconds: number;
  actions: ChatActions;
  onSlowMode: (seconds: number) => void;
}

/** The show's chat as the host sees it: every message can be pinned, deleted or its author banned. */
export function ChatSection({ messages, pinnedMessage, slowModeSeconds, actions, onSlowMode }: ChatSectionProps) {
  const { t } = useI18n();
  const slowId = useId();
  return (
    <section
      aria-labelledby="chat-heading"
      className="flex h-[32rem] flex-col rounded-2xl bg-white p-4 shadow-sm xl:h-full"
      data-testid="studio-chat"
    >
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 id="chat-heading" className="font-semibold">
          {t('studio.chat.heading')}
        </h2>
        <div className="flex items-center gap-2 text-sm">
          <label htmlFor={slowId}>{t('studio.chat.slowMode')}</label>
          <select
            id={slowId}
            value={slowModeSeconds}
            onChange={(e) => onSlowMode(Number(e.target.value))}
            className="rounded-lg border border-neutral-300 px-2 py-1"
          >
            {SLOW_MODE_SECONDS.map((seconds) => (
              <option key={seconds} value={seconds}>
                {seconds === 0 ? t('studio.chat.slowOff') : t('studio.chat.slowSeconds', { count: seconds })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ChatPanel
        messages={messages}
        pinnedMessage={pinnedMessage}
        slowModeSeconds={slowModeSeconds}
        signedIn
        canModerate
        actions={actions}
      />
    </section>
  );
}
