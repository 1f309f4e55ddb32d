'use client';

import { useCallback, useEffect, useRef, type MouseEvent, type PointerEvent } from 'react';

// How far a finger drags the sheet's top bar down before letting go closes it.
const SWIPE_CLOSE_PX = 80;

/**
 * A sheet as a native modal <dialog>: shown in the top layer on mount (nothing
 * on the page can cover it or trap it, as a `position: fixed` box inside a
 * blurred card was), closed by Escape, by a tap on the backdrop, or by swiping
 * its top bar down. Every way out ends in the dialog's close event → onClose.
 */
export function useModalSheet(onClose: () => void) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const swipeFrom = useRef<number | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    dialog.addEventListener('close', onClose);
    return () => dialog.removeEventListener('close', onClose);
  }, [onClose]);

  // Stable, so callers may list it in their own hooks' dependencies.
  const close = useCallback(() => dialogRef.current?.close(), []);

  // A tap on the backdrop reaches the dialog element itself, outside its box.
  function onClick(event: MouseEvent<HTMLDialogElement>) {
    const dialog = dialogRef.current;
    if (!dialog || event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    if (event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom) close();
  }

  const handle = {
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      if (event.pointerType !== 'mouse') swipeFrom.current = event.clientY;
    },
    onPointerUp: (event: PointerEvent<HTMLElement>) => {
      const from = swipeFrom.current;
      swipeFrom.current = null;
      if (from !== null && event.clientY - from > SWIPE_CLOSE_PX) close();
    },
    onPointerCancel: () => {
      swipeFrom.current = null;
    },
  };

  return { dialogRef, close, dialogProps: { ref: dialogRef, onClick }, handleProps: handle };
}
