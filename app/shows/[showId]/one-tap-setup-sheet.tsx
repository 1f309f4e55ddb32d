'use client';

import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { FormMessage, primaryButtonClass, secondaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import { AddressFields, CardFields } from '../../account/wallet/wallet-fields';
import { oneTapNeedsAction, saveOneTapWalletAction, type OneTapNeeds } from './wallet-actions';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * The short sheet a first-time buyer fills in without leaving the stream: only
 * the address and/or card still missing. A modal dialog over the player: focus
 * stays inside, Escape closes, and focus returns where it was. Loaded lazily by
 * PinnedProduct, so the viewer page does not carry this code until it is needed.
 */
export function OneTapSetupSheet({ onSaved, onClose, returnFocusTo }: { onSaved: () => void; onClose: () => void; returnFocusTo?: React.RefObject<HTMLElement | null> }) {
  const { t } = useI18n();
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const [needs, setNeeds] = useState<OneTapNeeds | null | 'error'>(null);
  const [state, formAction, pending] = useActionState(saveOneTapWalletAction, null);
  const error = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);

  useEffect(() => {
    let cancelled = false;
    oneTapNeedsAction().then(
      (n) => !cancelled && setNeeds(n ?? 'error'),
      () => !cancelled && setNeeds('error'),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (state?.ok) onSaved();
  }, [state, onSaved]);

  // Focus moves into the dialog and comes back to whatever opened it.
  // (The Buy button is disabled while its tap is sent, so it may not hold focus when the sheet opens: it is named.)
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    const target = returnFocusTo?.current ?? opener;
    dialogRef.current?.focus();
    return () => target?.focus();
  }, [returnFocusTo]);

  function onKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const items = [...dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && (document.activeElement === first || document.activeElement === dialogRef.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  const title = needs && needs !== 'error' && needs.address && !needs.card ? t('viewer.sheet.titleAddressOnly') : t('viewer.sheet.title');
  return (
    <div className="fixed inset-0 z-50 flex items-end justify-center bg-black/50 sm:items-center" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        className="max-h-[90dvh] w-full max-w-md overflow-y-auto rounded-t-2xl bg-white p-5 text-ink shadow-2xl outline-none sm:rounded-2xl"
        data-testid="one-tap-sheet"
      >
        <div className="mb-4 flex items-start justify-between gap-3">
          <div>
            <h2 id={titleId} className="text-lg font-bold">{title}</h2>
            <p className="text-sm text-neutral-600">{t('viewer.sheet.intro')}</p>
          </div>
          <button type="button" onClick={onClose} className={`${secondaryButtonClass} px-3 py-1 text-sm`} aria-label={t('viewer.sheet.close')}>
            ✕
          </button>
        </div>
        {needs === null && <p role="status">{t('viewer.sheet.loading')}</p>}
        {needs === 'error' && <p role="alert" className="text-sm text-red-800">{t('viewer.sheet.loadFailed')}</p>}
        {needs && needs !== 'error' && !needs.address && !needs.card && (
          <button type="button" onClick={onSaved} className={`${primaryButtonClass} w-full`}>
            {t('viewer.sheet.alreadySaved')}
          </button>
        )}
        {needs && needs !== 'error' && (needs.address || needs.card) && (
          <form action={formAction} className="space-y-5" noValidate>
            {needs.address && <AddressFields error={error} prefix="sheet-address" />}
            {needs.card && <CardFields error={error} prefix="sheet-card" />}
            <FormMessage state={state} />
            <button type="submit" disabled={pending || (state?.ok ?? false)} className={`${primaryButtonClass} w-full`}>
              {pending ? t('viewer.sheet.saving') : t('viewer.sheet.save')}
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
