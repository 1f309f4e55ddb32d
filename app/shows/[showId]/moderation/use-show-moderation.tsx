'use client';

import { useCallback, useState, type RefObject } from 'react';
import { useI18n } from '@/app/_i18n/client';
import { errorText } from '@/app/_i18n/error-text';
import type { ChatActions } from '../../../_components/chat-panel';
import { request, type ShowClientSocket } from '../../../_lib/show-socket';
import type { ConfirmRequest } from '../../../studio/[showId]/confirm-dialog';
import { ConfirmDialog } from '../on-demand-parts';
import type { ViewerRole } from '@/server/realtime/protocol';

type Outcome = { ok: boolean; error?: { code: string; message?: string } };

/**
 * The chat's moderation as the show page offers it to the host and the brand's members
 * (the server's rule: server/domain/shows/show-roles.ts). For anyone else it gives nothing,
 * so a viewer's page renders no control at all; the server refuses them regardless.
 */
export function useShowModeration(socketRef: RefObject<ShowClientSocket | null>, showId: string, role: ViewerRole | null) {
  const { t } = useI18n();
  const { ask, dialog } = useLazyConfirm();
  const [error, setError] = useState<string | null>(null);
  const canModerate = role === 'host' || role === 'moderator';

  const run = useCallback(
    async (action: (socket: ShowClientSocket) => Promise<Outcome>) => {
      const socket = socketRef.current;
      if (!socket) return setError(t('viewer.status.notConnected'));
      setError(null);
      const result = await action(socket);
      if (!result.ok) setError(errorText(t, result.error));
    },
    [socketRef, t],
  );

  if (!canModerate) return { canModerate: false as const, actions: {}, setSlowMode: null, error: null, dialog: null };

  const actions: Omit<ChatActions, 'send'> = {
    remove: (messageId) => void run((socket) => request(socket, 'chat:delete', { showId, messageId })),
    pin: (messageId) => void run((socket) => request(socket, 'chat:pin', { showId, messageId })),
    ban: (userId, name) =>
      void (async () => {
        const confirmed = await ask({
          title: t('chat.moderation.banTitle', { name }),
          body: t('chat.moderation.banBody'),
          confirmLabel: t('chat.moderation.banConfirm'),
          tone: 'danger',
        });
        if (confirmed) await run((socket) => request(socket, 'chat:ban', { showId, userId }));
      })(),
  };
  const setSlowMode = (seconds: number) => void run((socket) => request(socket, 'chat:slowMode', { showId, seconds }));
  return { canModerate: true as const, actions, setSlowMode, error, dialog };
}

/** The studio's useConfirm, with its dialog's code loaded only for the moderators who render it. */
function useLazyConfirm() {
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
