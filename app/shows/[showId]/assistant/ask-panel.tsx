'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { useModalSheet } from '../use-modal-sheet';
import { AssistantReplyView } from './assistant-reply';
import type { AssistantControls } from './use-assistant';

const QUESTION_MAX_LENGTH = 300;

/**
 * The private Ask panel: a sheet from the bottom on a phone, a side panel on a wide screen. A native modal
 * dialog (focus moves in and stays, Escape or a tap outside closes it); the conversation is a log that
 * screen readers announce as replies arrive.
 */
export function AskPanel({ controls, onClose }: { controls: AssistantControls; onClose: () => void }) {
  const { t } = useI18n();
  const { close, dialogProps, handleProps } = useModalSheet(onClose);
  const [draft, setDraft] = useState('');
  const endRef = useRef<HTMLLIElement>(null);
  const pending = controls.mine.some((e) => e.reply === null && e.error === null);

  // A block body: Chromium's scrollIntoView returns a promise, which React would take for the effect's cleanup.
  useEffect(() => {
    void endRef.current?.scrollIntoView({ block: 'nearest' });
  }, [controls.mine]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const question = draft.trim();
    if (!question || pending) return;
    setDraft('');
    void controls.ask(question);
  }

  return (
    <dialog
      {...dialogProps}
      aria-labelledby="ask-heading"
      className="mx-0 mb-0 mt-auto flex max-h-[88dvh] w-full max-w-none flex-col rounded-t-2xl bg-white p-4 text-ink shadow-2xl backdrop:bg-black/50 md:my-0 md:ml-auto md:mr-0 md:h-dvh md:max-h-none md:w-[26rem] md:rounded-none"
    >
      <div {...handleProps} className="flex touch-none items-center justify-between">
        <h2 id="ask-heading" className="text-lg font-bold">
          {t('assistant.panelTitle')}
        </h2>
        <button
          type="button"
          onClick={close}
          className="rounded-full px-3 py-1.5 text-sm font-semibold hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-brand-500"
        >
          {t('assistant.close')}
        </button>
      </div>
      <p className="mt-1 text-sm text-neutral-600">{t('assistant.intro', { mention: t('assistant.mention') })}</p>
      <div role="log" aria-live="polite" aria-label={t('assistant.name')} className="mt-3 min-h-24 flex-1 overflow-y-auto">
        {controls.mine.length === 0 ? (
          <p className="text-sm text-neutral-500">{t('assistant.empty')}</p>
        ) : (
          <ol className="space-y-3">
            {controls.mine.map((entry) => (
              <li key={entry.id} className="space-y-1 text-sm">
                <p className="ml-auto w-fit max-w-[85%] rounded-2xl bg-brand-500 px-3 py-2 text-white">
                  <span className="sr-only">{t('assistant.you')}: </span>
                  {entry.question}
                </p>
                <div className="w-fit max-w-[95%] rounded-2xl bg-neutral-100 px-3 py-2" data-testid="assistant-reply">
                  <p className="text-xs font-semibold text-neutral-600">{t('assistant.name')}</p>
                  {entry.error ? (
                    <p role="alert">{entry.error}</p>
                  ) : entry.reply ? (
                    <AssistantReplyView reply={entry.reply} onConfirm={controls.confirm} />
                  ) : (
                    <p role="status">{t('assistant.thinking')}</p>
                  )}
                </div>
              </li>
            ))}
            <li ref={endRef} aria-hidden />
          </ol>
        )}
      </div>
      <form onSubmit={submit} className="mt-3 flex gap-2">
        <label htmlFor="ask-input" className="sr-only">
          {t('assistant.inputLabel')}
        </label>
        <input
          id="ask-input"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          maxLength={QUESTION_MAX_LENGTH}
          placeholder={t('assistant.placeholder')}
          autoComplete="off"
          className="min-h-11 min-w-0 flex-1 rounded-full border border-neutral-300 bg-white px-4 text-base"
        />
        <button
          type="submit"
          disabled={pending || !draft.trim()}
          className="min-h-11 rounded-full bg-brand-500 px-4 text-sm font-semibold text-white disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
        >
          {t('assistant.send')}
        </button>
      </form>
    </dialog>
  );
}
