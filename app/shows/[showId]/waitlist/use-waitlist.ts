'use client';

import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { WaitlistState } from '@/server/domain/waitlist';
import type { ServerToClientEvents } from '@/server/realtime/protocol';
import { useI18n } from '../../../_i18n/client';
import { errorText } from '@/app/_i18n/error-text';
import { request, type ShowClientSocket } from '../../../_lib/show-socket';

export type HeldOffer = Parameters<ServerToClientEvents['waitlist:held']>[0];

/**
 * The viewer's place on the waitlists of the variants the card shows, over the show
 * channel: "Notify me" on a sold-out variant, the place in line, and the unit held
 * for them when it is back (the server's `waitlist:held`, shown as a toast). A held
 * variant can be bought from the card although its stock reads zero: the unit is
 * theirs, out of everyone else's stock.
 */
export function useWaitlist(showId: string, socketRef: RefObject<ShowClientSocket | null>, joined: boolean, variantIds: readonly string[]) {
  const { t } = useI18n();
  const [states, setStates] = useState<Record<string, WaitlistState>>({});
  const [offer, setOffer] = useState<HeldOffer | null>(null);
  const socket = socketRef.current;
  const key = variantIds.join(',');

  useEffect(() => {
    if (!joined || !socket || key === '') return;
    let current = true;
    void request(socket, 'waitlist:get', { showId, variantIds: key.split(',') }).then((response) => {
      if (current && response.ok) setStates((before) => ({ ...before, ...response.states }));
    });
    return () => {
      current = false;
    };
  }, [joined, socket, showId, key]);

  useEffect(() => {
    if (!socket) return;
    const onHeld = (event: HeldOffer) => {
      if (event.showId !== showId) return;
      setStates((before) => ({ ...before, [event.variantId]: { status: 'HELD', holdExpiresAt: event.holdExpiresAt } }));
      setOffer(event);
    };
    socket.on('waitlist:held', onHeld);
    return () => {
      socket.off('waitlist:held', onHeld);
    };
  }, [socket, showId]);

  const join = useCallback(
    async (variantId: string): Promise<string | null> => {
      const current = socketRef.current;
      if (!current) return t('viewer.status.notConnected');
      const response = await request(current, 'waitlist:join', { showId, variantId });
      if (!response.ok) return errorText(t, response.error);
      setStates((before) => ({ ...before, [variantId]: response.waitlist }));
      return null;
    },
    [socketRef, showId, t],
  );

  const isHeld = useCallback(
    (variantId: string) => {
      const state = states[variantId];
      return state?.status === 'HELD' && Date.parse(state.holdExpiresAt) > Date.now();
    },
    [states],
  );

  return { states, join, isHeld, offer, dismissOffer: () => setOffer(null) };
}
