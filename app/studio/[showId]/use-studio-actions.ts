'use client';

import { useCallback, useState, type RefObject } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { errorText } from '@/app/_i18n/error-text';
import type { ChatActions } from '../../_components/chat-panel';
import { request, type ShowClientSocket } from '../../_lib/show-socket';
import type { ConfirmRequest } from './confirm-dialog';
import type { AuctionRequest } from './auction-form';
import type { DealRequest } from './deal-form';

type Outcome = { ok: boolean; error?: { code: string; message?: string } };
type Ask = (question: ConfirmRequest) => Promise<boolean>;

/**
 * Everything the host can do over the show socket, each answered by a
 * refusal in the host's language; the ones that cannot be undone ask first.
 */
export function useStudioActions(socketRef: RefObject<ShowClientSocket | null>, showId: string, ask: Ask) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (action: (socket: ShowClientSocket) => Promise<Outcome>) => {
      const socket = socketRef.current;
      if (!socket) return setError(t('studio.waitConnection'));
      setError(null);
      const result = await action(socket);
      if (!result.ok) setError(errorText(t, result.error));
    },
    [socketRef, t],
  );

  const goLive = async () => {
    const confirmed = await ask({
      title: t('studio.confirmGoLive.title'),
      body: t('studio.confirmGoLive.body'),
      confirmLabel: t('studio.confirmGoLive.confirm'),
      tone: 'primary',
    });
    if (confirmed) await run((socket) => request(socket, 'show:goLive', { showId }));
  };
  const endShow = async () => {
    const confirmed = await ask({
      title: t('studio.confirmEnd.title'),
      body: t('studio.confirmEnd.body'),
      confirmLabel: t('studio.confirmEnd.confirm'),
      tone: 'danger',
    });
    if (confirmed) await run((socket) => request(socket, 'show:end', { showId }));
  };

  const chat: ChatActions = {
    send: async (text) => {
      const socket = socketRef.current;
      if (!socket) return t('studio.waitConnection');
      const response = await request(socket, 'chat:send', { showId, text });
      return response.ok ? null : errorText(t, response.error);
    },
    remove: (messageId) => void run((socket) => request(socket, 'chat:delete', { showId, messageId })),
    pin: (messageId) => void run((socket) => request(socket, 'chat:pin', { showId, messageId })),
    ban: (userId, name) =>
      void (async () => {
        const confirmed = await ask({
          title: t('studio.confirmBan.title', { name }),
          body: t('studio.confirmBan.body'),
          confirmLabel: t('studio.confirmBan.confirm'),
          tone: 'danger',
        });
        if (confirmed) await run((socket) => request(socket, 'chat:ban', { showId, userId }));
      })(),
  };

  return {
    error,
    goLive,
    endShow,
    pin: (productId: string) => void run((socket) => request(socket, 'product:pin', { showId, productId })),
    unpin: () => void run((socket) => request(socket, 'product:unpin', { showId })),
    startDeal: (deal: DealRequest) => void run((socket) => request(socket, 'deal:start', { showId, ...deal })),
    endDeal: () => void run((socket) => request(socket, 'deal:end', { showId })),
    startAuction: (auction: AuctionRequest) => void run((socket) => request(socket, 'auction:start', { showId, ...auction })),
    cancelAuction: (auctionId: string) => void run((socket) => request(socket, 'auction:cancel', { showId, auctionId })),
    setSlowMode: (seconds: number) => void run((socket) => request(socket, 'chat:slowMode', { showId, seconds })),
    chat,
  };
}
