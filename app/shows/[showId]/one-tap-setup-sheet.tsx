'use client';

import { useActionState, useEffect, useId, useState } from 'react';
import { FormMessage, primaryButtonClass, secondaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import { keepValuesOnSubmit } from '@/app/_lib/keep-form-values';
import { AddressFields, CardFields } from '../../account/wallet/wallet-fields';
import { useModalSheet } from './use-modal-sheet';
import {
  changeOneTapAddressAction,
  changeOneTapCardAction,
  oneTapNeedsAction,
  saveOneTapWalletAction,
  type OneTapNeeds,
} from './wallet-actions';

/** `setup`: whatever one-tap buying still lacks; `card`: another card (after a decline, or by choice); `address`: another address. */
export type SheetStep = 'setup' | 'card' | 'address';

const ACTIONS = { setup: saveOneTapWalletAction, card: changeOneTapCardAction, address: changeOneTapAddressAction } as const;

/**
 * The short sheet a buyer fills in without leaving the stream: the address
 * and/or card still missing, or (after a decline) another card. A native modal
 * <dialog> in the top layer, like the bag: nothing on the page — the sticky
 * header, chat, reactions, the product card's blur, which traps `position:
 * fixed` — can cover it or push it off the screen. It sits at the bottom of a
 * phone below the header, with its title and Close always in view above the
 * scrolling fields; Escape, a tap on the backdrop or a swipe down closes it, focus stays
 * inside and returns where it was. Loaded lazily by PinnedProduct.
 */
export function OneTapSetupSheet({
  step = 'setup',
  change = false,
  onSaved,
  onClose,
  returnFocusTo,
}: {
  step?: SheetStep;
  /** Opened by "Change" in the bag: nothing was declined and nothing is bought on save. */
  change?: boolean;
  onSaved: () => void;
  onClose: () => void;
  returnFocusTo?: React.RefObject<HTMLElement | null>;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const { close, dialogProps, handleProps } = useModalSheet(onClose);
  const [needs, setNeeds] = useState<OneTapNeeds | null | 'error'>(
    step === 'setup' ? null : { address: step === 'address', card: step === 'card' },
  );
  const [state, formAction, pending] = useActionState(ACTIONS[step], null);
  const error = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);

  useEffect(() => {
    if (step !== 'setup') return;
    let cancelled = false;
    oneTapNeedsAction().then(
      (n) => !cancelled && setNeeds(n ?? 'error'),
      () => !cancelled && setNeeds('error'),
    );
    return () => {
      cancelled = true;
    };
  }, [step]);

  useEffect(() => {
    if (state?.ok) onSaved();
  }, [state, onSaved]);

  // Focus comes back to whatever opened the sheet; the Buy button is named, as it
  // is disabled while its tap is sent and may not hold focus when the sheet opens.
  useEffect(() => {
    const opener =
      document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    const target = returnFocusTo?.current ?? opener;
    return () => target?.focus();
  }, [returnFocusTo]);

  const ready = needs && needs !== 'error' ? needs : null;
  const title =
    step === 'address'
      ? t('viewer.sheet.titleChangeAddress')
      : step === 'card'
        ? t(change ? 'viewer.sheet.titleChangeCard' : 'viewer.sheet.titleCard')
        : ready?.address && !ready.card
          ? t('viewer.sheet.titleAddressOnly')
          : t('viewer.sheet.title');
  return (
    <dialog
      {...dialogProps}
      aria-labelledby={titleId}
      className="mx-0 mb-0 mt-auto w-full max-w-none overflow-hidden rounded-t-2xl bg-white p-0 text-ink shadow-2xl backdrop:bg-black/50 sm:m-auto sm:max-w-md sm:rounded-2xl"
      data-testid="one-tap-sheet"
    >
      {/* Leaves the header's height (3.5rem) and a little more free above the sheet on a phone. */}
      <div className="flex max-h-[calc(100dvh-4rem)] flex-col sm:max-h-[90dvh]">
        {/* The top bar is the sheet's handle: swiping it down closes the sheet. */}
        <div
          {...handleProps}
          className="flex shrink-0 touch-none items-start justify-between gap-3 border-b border-neutral-100 px-5 pb-3 pt-4"
        >
          <div>
            <h2 id={titleId} className="text-lg font-bold">
              {title}
            </h2>
            <p className="text-sm text-neutral-600">
              {change ? t('viewer.sheet.introChange') : step === 'card' ? t('viewer.sheet.introCard') : t('viewer.sheet.intro')}
            </p>
          </div>
          <button
            type="button"
            onClick={close}
            className={`${secondaryButtonClass} px-3 py-1 text-sm`}
            aria-label={t('viewer.sheet.close')}
          >
            ✕
          </button>
        </div>
        <div className="min-h-0 overflow-y-auto overscroll-contain px-5 pb-5 pt-4">
          {needs === null && <p role="status">{t('viewer.sheet.loading')}</p>}
          {needs === 'error' && (
            <p role="alert" className="text-sm text-red-800">
              {t('viewer.sheet.loadFailed')}
            </p>
          )}
          {ready && !ready.address && !ready.card && (
            <button type="button" onClick={onSaved} className={`${primaryButtonClass} w-full`}>
              {t('viewer.sheet.alreadySaved')}
            </button>
          )}
          {ready && (ready.address || ready.card) && (
            <form onSubmit={keepValuesOnSubmit(formAction)} className="space-y-5" noValidate>
              {ready.address && <AddressFields error={error} prefix="sheet-address" />}
              {ready.card && <CardFields error={error} prefix="sheet-card" />}
              <FormMessage state={state} />
              <button type="submit" disabled={pending || (state?.ok ?? false)} className={`${primaryButtonClass} w-full`}>
                {pending ? t('viewer.sheet.saving') : change ? t('common.save') : t('viewer.sheet.save')}
              </button>
            </form>
          )}
        </div>
      </div>
    </dialog>
  );
}
