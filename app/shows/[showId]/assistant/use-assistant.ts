'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { AssistantReply } from '@/server/domain/assistant';
import type { OrderConfirmation } from '@/server/realtime/protocol';
import { useI18n } from '@/app/_i18n/client';
import { errorText } from '@/app/_i18n/error-text';
import { request, type ShowClientSocket } from '@/app/_lib/show-socket';

/** One question and its reply (null while it is being answered), in the Ask panel or in chat. */
export interface AssistantEntry {
  id: number;
  question: string;
  /** Null: the viewer's own question. */
  askedBy: string | null;
  reply: AssistantReply | null;
  /** The request failed (not connected, too fast, switched off): already worded. */
  error: string | null;
}

export type ConfirmResult = { ok: true; order: OrderConfirmation } | { ok: false; message: string };

// A few public replies are enough on a phone: the chat moves on.
const PUBLIC_KEPT = 3;
let nextId = 1;

/**
 * The shop assistant on the show page: the viewer's own conversation (the Ask panel, and replies to their
 * "@shop" chat lines that concern only them), the public replies everyone sees, and the show's switch.
 * `onBagChanged` runs after a reply changed the bag (added to it, a coupon), so the badge and totals follow.
 */
export function useAssistant(
  showId: string,
  socket: ShowClientSocket | null,
  initiallyEnabled: boolean,
  onBagChanged: (couponCode: string | null) => void,
) {
  const { t } = useI18n();
  const [enabled, setEnabled] = useState(initiallyEnabled);
  const [mine, setMine] = useState<AssistantEntry[]>([]);
  const [publicReplies, setPublicReplies] = useState<AssistantEntry[]>([]);
  // A personal reply to a chat line opens the panel: the viewer must see their card.
  const [open, setOpen] = useState(false);
  const bagChanged = useRef(onBagChanged);
  useEffect(() => {
    bagChanged.current = onBagChanged;
  }, [onBagChanged]);

  const followBag = useCallback((reply: AssistantReply) => {
    if (reply.kind === 'add_to_bag') bagChanged.current(null);
    if (reply.kind === 'coupon') bagChanged.current(reply.code);
  }, []);

  useEffect(() => {
    if (!socket) return;
    const onReply: Parameters<typeof socket.on<'assistant:reply'>>[1] = (event) => {
      if (event.showId !== showId) return;
      const entry = { id: nextId++, question: event.asked.text, askedBy: event.asked.authorName, reply: event.reply, error: null };
      if (event.visibility === 'public') setPublicReplies((list) => [...list, entry].slice(-PUBLIC_KEPT));
      else {
        setMine((list) => [...list, { ...entry, askedBy: null }]);
        followBag(event.reply);
        setOpen(true);
      }
    };
    const onSwitched: Parameters<typeof socket.on<'assistant:switched'>>[1] = (event) => {
      if (event.showId === showId) setEnabled(event.enabled);
    };
    socket.on('assistant:reply', onReply);
    socket.on('assistant:switched', onSwitched);
    return () => {
      socket.off('assistant:reply', onReply);
      socket.off('assistant:switched', onSwitched);
    };
  }, [socket, showId, followBag]);

  async function ask(question: string): Promise<void> {
    const id = nextId++;
    setMine((list) => [...list, { id, question, askedBy: null, reply: null, error: null }]);
    const settle = (patch: Partial<AssistantEntry>) => setMine((list) => list.map((e) => (e.id === id ? { ...e, ...patch } : e)));
    if (!socket) return settle({ error: t('viewer.status.notConnected') });
    const response = await request(socket, 'assistant:ask', { showId, text: question });
    if (!response.ok) return settle({ error: errorText(t, response.error) });
    settle({ reply: response.reply });
    followBag(response.reply);
  }

  async function confirm(cardId: string): Promise<ConfirmResult> {
    if (!socket) return { ok: false, message: t('viewer.status.notConnected') };
    // One retry with the same card: if the first answer was lost, the server replays the same order.
    for (let attempt = 0; ; attempt++) {
      const response = await request(socket, 'assistant:confirm', { showId, cardId });
      if (response.ok) return { ok: true, order: response.order };
      if (response.error.code !== 'INTERNAL' || attempt >= 1) return { ok: false, message: errorText(t, response.error) };
    }
  }

  return { enabled, mine, publicReplies, open, setOpen, ask, confirm };
}

export type AssistantControls = ReturnType<typeof useAssistant>;
