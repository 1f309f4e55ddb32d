'use client';

import { useCallback, useEffect, useState, type RefObject } from 'react';
import { latestAnswerGate } from '@/app/_lib/latest-answer';
import type { BagView } from '@/server/domain/bag';
import type { QrKind, QrPaymentView } from '@/server/domain/qr-payments';
import type { BagOrderConfirmation } from '@/server/realtime/protocol';
import { useI18n } from '../../_i18n/client';
import { request, type ShowClientSocket } from '../../_lib/show-socket';
import { errorText } from '@/app/_i18n/error-text';

export type BagCheckoutResult = { ok: true; order: BagOrderConfirmation } | { ok: false; code: string; message: string };
type Answer = { ok: true } | { ok: false; message: string };

/**
 * The viewer's bag for a show, over the show channel. The server owns the bag
 * and its prices; every change answers with the whole bag, totals included.
 * The applied coupon code is kept here so each answer is priced with it — but
 * only while the server accepts it: a bag that comes back with a coupon error
 * drops the code at once, so a rejected code is never sent with Pay (it would
 * refuse every checkout until a reload). The error stays on the bag shown.
 * Refusals come back already worded in the viewer's language.
 */
export function useBag(showId: string, socketRef: RefObject<ShowClientSocket | null>, joined: boolean) {
  const [bag, setBag] = useState<BagView | null>(null);
  const [couponCode, setCouponCode] = useState<string | null>(null);
  // The bank QR rail the show's brand takes, if any (issue 21): the bag then offers "Pay with KHQR" too.
  const [qrKind, setQrKind] = useState<QrKind | null>(null);
  const { t } = useI18n();
  const [answers] = useState(latestAnswerGate);

  /** Applies a bag answer unless a newer request's answer was applied already. */
  const accept = useCallback(
    (ticket: number, next: BagView): boolean => {
      if (!answers.admit(ticket)) return false;
      setBag(next);
      if (next.couponError) setCouponCode(null);
      return true;
    },
    [answers],
  );

  const refresh = useCallback(
    async (code: string | null = couponCode): Promise<Answer> => {
      const socket = socketRef.current;
      if (!socket) return { ok: false, message: t('viewer.status.notConnected') };
      const ticket = answers.issue();
      const response = await request(socket, 'bag:get', { showId, couponCode: code });
      if (!response.ok) return { ok: false, message: errorText(t, response.error) };
      if (accept(ticket, response.bag)) setQrKind(response.qrKind ?? null);
      return { ok: true };
    },
    [showId, socketRef, couponCode, t, accept, answers],
  );

  // The badge shows what is already in the bag once the show is joined (and again after a rejoin).
  useEffect(() => {
    if (joined) void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on (re)join; later changes come with their answers
  }, [joined]);

  async function setQuantity(variantId: string, quantity: number): Promise<Answer> {
    const socket = socketRef.current;
    if (!socket) return { ok: false, message: t('viewer.status.notConnected') };
    const ticket = answers.issue();
    const response = await request(socket, 'bag:set', { showId, variantId, quantity, couponCode });
    if (!response.ok) return { ok: false, message: errorText(t, response.error) };
    accept(ticket, response.bag);
    return { ok: true };
  }

  function add(variantId: string): Promise<Answer> {
    const current = bag?.lines.find((line) => line.variantId === variantId)?.quantity ?? 0;
    return setQuantity(variantId, current + 1);
  }

  async function applyCoupon(code: string | null): Promise<Answer> {
    setCouponCode(code);
    return refresh(code);
  }

  async function checkout(idempotencyKey: string, method: 'CARD' | 'QR' = 'CARD'): Promise<BagCheckoutResult> {
    const socket = socketRef.current;
    if (!socket) return { ok: false, code: 'INTERNAL', message: t('viewer.status.notConnected') };
    // One retry with the same key: if the first answer was lost, the server replays the same order.
    for (let attempt = 0; ; attempt++) {
      // The total on the Pay button: if the server's is higher (a deal ended meanwhile), it refuses instead of charging more.
      const expectedTotalMinor = bag?.totals.totalMinor;
      const response = await request(socket, 'bag:checkout', { showId, idempotencyKey, couponCode, expectedTotalMinor, method });
      if (response.ok) {
        setCouponCode(null);
        // A QR order keeps the bag until it is paid: the bag shown is the same.
        if (method === 'CARD') await refresh(null);
        return { ok: true, order: response.order };
      }
      if (response.error.code !== 'INTERNAL' || attempt >= 1) {
        // Show what changed (stock, availability, a code that stopped working) next to the
        // refusal; a code refused now comes back as the bag's coupon error and is dropped.
        await refresh();
        return { ok: false, code: response.error.code, message: errorText(t, response.error) };
      }
    }
  }

  /** Where a QR order's payment stands (its sheet asks while open); null when the socket is down. */
  async function qrStatus(orderId: string): Promise<QrPaymentView | null> {
    const socket = socketRef.current;
    if (!socket) return null;
    const response = await request(socket, 'qr:status', { orderId });
    return response.ok ? response.qr : null;
  }

  return { bag, couponCode, qrKind, qrStatus, refresh, setQuantity, add, applyCoupon, checkout };
}

export type BagControls = ReturnType<typeof useBag>;
