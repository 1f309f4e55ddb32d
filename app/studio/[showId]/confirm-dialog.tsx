'use client';

import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { dangerButtonClass, primaryButtonClass, secondaryButtonClass } from '../../_components/ui';

export interface ConfirmRequest {
  title: string;
  body: string;
  confirmLabel: string;
  /** Destructive actions start on Cancel, so a stray Enter does not end a show. */
  tone: 'primary' | 'danger';
}

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal question in the page instead of window.confirm: it speaks the page's
 * language, is styled, and screen readers hear its title and text. The native
 * <dialog> makes the rest of the page inert; Tab is also wrapped by hand so
 * focus never leaves for the browser's own controls, and focus goes back to
 * whatever opened it.
 */
export function ConfirmDialog({ request, onAnswer }: { request: ConfirmRequest | null; onAnswer: (confirmed: boolean) => void }) {
  const { t } = useI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const returnFocusRef = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const bodyId = useId();
  const open = request !== null;
  const tone = request?.tone;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocusRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      (tone === 'danger' ? cancelRef : confirmRef).current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
    if (!open && returnFocusRef.current) {
      const target = returnFocusRef.current;
      returnFocusRef.current = null;
      // The opener may have gone (Go live is replaced by End show): fall back to the dialog's place in the page.
      if (target.isConnected) target.focus();
    }
  }, [open, tone]);

  function trapTab(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== 'Tab') return;
    const focusable = [...(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <dialog
      ref={dialogRef}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onKeyDown={trapTab}
      // Escape fires "cancel": answer no, and let React close it through state.
      onCancel={(event) => {
        event.preventDefault();
        onAnswer(false);
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl bg-white p-5 text-ink shadow-xl backdrop:bg-black/60"
    >
      {/* Title and text stay in the page while closed, so aria-labelledby never points at nothing. */}
      <h2 id={titleId} className="text-lg font-bold">
        {request?.title}
      </h2>
      <p id={bodyId} className="mt-2 text-sm text-neutral-700">
        {request?.body}
      </p>
      {request && (
        <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <button ref={cancelRef} type="button" onClick={() => onAnswer(false)} className={secondaryButtonClass}>
            {t('common.cancel')}
          </button>
          <button
            ref={confirmRef}
            type="button"
            onClick={() => onAnswer(true)}
            className={request.tone === 'danger' ? dangerButtonClass : primaryButtonClass}
          >
            {request.confirmLabel}
          </button>
        </div>
      )}
    </dialog>
  );
}

/** `await ask({...})` resolves true or false once the host answers; render `dialog` once. */
export function useConfirm() {
  const [pending, setPending] = useState<{ request: ConfirmRequest; resolve: (confirmed: boolean) => void } | null>(null);
  const ask = useCallback((request: ConfirmRequest) => new Promise<boolean>((resolve) => setPending({ request, resolve })), []);
  const dialog = (
    <ConfirmDialog
      request={pending?.request ?? null}
      onAnswer={(confirmed) => {
        pending?.resolve(confirmed);
        setPending(null);
      }}
    />
  );
  return { ask, dialog };
}
