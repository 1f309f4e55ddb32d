'use client';

import { useState, type RefObject } from 'react';
import type { ClientToServerEvents } from '@/server/realtime/protocol';
import { errorText } from '@/app/_i18n/error-text';
import { useI18n } from '@/app/_i18n/client';
import { request, type ShowClientSocket } from '../../../_lib/show-socket';

type EventName = keyof ClientToServerEvents;
type PayloadOf<E extends EventName> = Parameters<ClientToServerEvents[E]>[0];
type AckOf<E extends EventName> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
type Success<E extends EventName> = Extract<AckOf<E>, { ok: true }>;

/** Sends one event and keeps its refusal as words in the reader's language; null while busy or refused. */
export function useEngageRequest(socketRef: RefObject<ShowClientSocket | null>) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function send<E extends EventName>(event: E, payload: PayloadOf<E>): Promise<Success<E> | null> {
    const socket = socketRef.current;
    if (!socket) {
      setError(t('errors.CONNECTION_SLOW'));
      return null;
    }
    setBusy(true);
    setError(null);
    try {
      const response = await request(socket, event, payload);
      if (response.ok) return response as Success<E>;
      setError(errorText(t, response.error));
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { send, error, setError, busy };
}
