import { isLocale, type Locale } from '@/app/_i18n/locales';
import {
  askAssistant,
  confirmAssistantCard,
  isPersonalReply,
  questionInChat,
  setAssistantEnabled,
  type AssistantReply,
} from '../domain/assistant';
import type { Actor } from '../domain/context';
import { AppError, toErrorPayload } from '../domain/errors';
import { publicName } from '../domain/live-format';
import type { HandlerRegistrar } from './handler';
import { requireJoined, requireUser, type ConnectionContext } from './context';
import { announceOrder } from './show-handlers';
import { assistantAskSchema, assistantConfirmSchema, assistantSwitchSchema, showRoom } from './protocol';

const localeOf = (actor: Actor): Locale => (isLocale(actor.locale) ? actor.locale : 'en');

// Its own bucket, apart from chat's (the Redis budget is keyed by person): asking never spends chat.
const budgetKey = (userId: string) => `assistant:${userId}`;

/** A handoff puts the question in the host's Q&A: everyone's Q&A list shows it, as if asked there. */
function announceHandoff(ctx: ConnectionContext, showId: string, reply: AssistantReply): void {
  if (reply.kind === 'handoff' && reply.question) ctx.broadcaster.emit(showId, 'question:asked', { showId, question: reply.question });
}

export function registerAssistantHandlers(on: HandlerRegistrar, ctx: ConnectionContext): void {
  const { socket, db } = ctx;

  // The private Ask panel: the reply comes back in the acknowledgement only.
  on.on('assistant:ask', assistantAskSchema, async ({ showId, text }) => {
    const asker = requireUser(socket);
    requireJoined(socket, showId);
    if (!(await ctx.assistantLimiter.take(budgetKey(asker.userId))))
      throw new AppError('ASSISTANT_TOO_FAST', `assistant rate for ${asker.userId}`);
    const reply = await askAssistant({ db, asker, showId, pageLocale: localeOf(asker), phrasing: ctx.assistantPhrasing ?? null }, text);
    announceHandoff(ctx, showId, reply);
    return { reply };
  });

  // A card's Confirm: the Buy button's order path and announcements, with the card's own idempotency key.
  on.on('assistant:confirm', assistantConfirmSchema, async ({ showId, cardId }) => {
    const buyer = requireUser(socket);
    requireJoined(socket, showId);
    const order = await confirmAssistantCard(db, ctx.payments, buyer, { showId, cardId }, ctx.sharedTaps);
    return { order: announceOrder(ctx, showId, order) };
  });

  on.on('assistant:setEnabled', assistantSwitchSchema, async ({ showId, enabled }) => {
    await setAssistantEnabled(db, requireUser(socket), showId, enabled);
    ctx.io.to(showRoom(showId)).emit('assistant:switched', { showId, enabled });
    return { enabled };
  });
}

/**
 * A chat line addressed to the assistant ("@shop …", after it was sent as chat): its reply goes to the whole
 * show, or to the asker alone when it is about their bag or order. With the switch off, or the asker over their
 * budget, the line stays plain chat (the asker hears why when over budget).
 */
export async function answerInChat(ctx: ConnectionContext, author: Actor, showId: string, text: string): Promise<void> {
  const question = questionInChat(text);
  if (!question) return;
  const asked = { text: question, authorName: publicName(author.name) };
  const toAsker = (reply: AssistantReply) => ctx.socket.emit('assistant:reply', { showId, visibility: 'private', asked, reply });
  if (!(await ctx.assistantLimiter.take(budgetKey(author.userId)))) {
    toAsker({ kind: 'refusal', error: toErrorPayload(new AppError('ASSISTANT_TOO_FAST')) });
    return;
  }
  let reply: AssistantReply;
  try {
    reply = await askAssistant(
      { db: ctx.db, asker: author, showId, pageLocale: localeOf(author), phrasing: ctx.assistantPhrasing ?? null },
      question,
    );
  } catch (error) {
    // Off (or the show not live): "@shop" was plain chat.
    if (error instanceof AppError) return;
    throw error;
  }
  announceHandoff(ctx, showId, reply);
  if (isPersonalReply(reply)) toAsker(reply);
  else ctx.io.to(showRoom(showId)).emit('assistant:reply', { showId, visibility: 'public', asked, reply });
}
