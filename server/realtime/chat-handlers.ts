import { banFromShow, deleteChatMessage, pinChatMessage, sendChatMessage, setSlowMode } from '../domain/chat';
import { AppError } from '../domain/errors';
import { dropBannedFromStage } from '../domain/stage';
import { answerInChat } from './assistant-handlers';
import { enterByChatKeyword } from './engagement-handlers';
import { announce as announceStage } from './stage-handlers';
import type { HandlerRegistrar } from './handler';
import { requireJoined, requireUser, type ConnectionContext } from './context';
import { chatBanSchema, chatMessageRefSchema, chatPinSchema, chatSendSchema, chatSlowModeSchema, reactionSchema } from './protocol';

export function registerChatHandlers(on: HandlerRegistrar, ctx: ConnectionContext): void {
  const { socket, db, broadcaster } = ctx;

  on.on('chat:send', chatSendSchema, async ({ showId, text }) => {
    const author = requireUser(socket);
    requireJoined(socket, showId);
    if (!(await ctx.chatLimiter.take(author.userId))) throw new AppError('CHAT_TOO_FAST', `chat rate for ${author.userId}`);
    const message = await sendChatMessage(db, author, showId, text);
    broadcaster.emit(showId, 'chat:message', { showId, message });
    // A giveaway entered by a keyword takes its entries from chat.
    await enterByChatKeyword(ctx, socket, author, showId, message.text).catch((err: unknown) =>
      ctx.log.error({ err, showId }, 'giveaway keyword entry failed'),
    );
    // Not awaited: the line is sent; the assistant's reply follows as its own event.
    void answerInChat(ctx, author, showId, message.text).catch((err: unknown) => ctx.log.error({ err, showId }, 'assistant reply failed'));
    return { message };
  });

  on.on('chat:delete', chatMessageRefSchema, async ({ showId, messageId }) => {
    await deleteChatMessage(db, requireUser(socket), showId, messageId);
    broadcaster.emit(showId, 'chat:deleted', { showId, messageIds: [messageId] });
    return {};
  });

  on.on('chat:ban', chatBanSchema, async ({ showId, userId }) => {
    const removedMessageIds = await banFromShow(db, requireUser(socket), showId, userId);
    if (removedMessageIds.length) broadcaster.emit(showId, 'chat:deleted', { showId, messageIds: removedMessageIds });
    // Banned while on stage (or invited): off the stage, camera and microphone closed.
    const dropped = await dropBannedFromStage(db, showId, userId);
    if (dropped) await announceStage(ctx, showId, dropped, '');
    return { removedMessageIds };
  });

  on.on('chat:slowMode', chatSlowModeSchema, async ({ showId, seconds }) => {
    await setSlowMode(db, requireUser(socket), showId, seconds);
    broadcaster.emit(showId, 'chat:slowMode', { showId, seconds });
    return { seconds };
  });

  on.on('chat:pin', chatPinSchema, async ({ showId, messageId }) => {
    const message = await pinChatMessage(db, requireUser(socket), showId, messageId);
    broadcaster.emit(showId, 'chat:pinned', { showId, message });
    return { message };
  });

  // Anonymous viewers may react too: reactions carry no identity and are aggregated.
  on.on('reaction:send', reactionSchema, async ({ showId, kind, count }) => {
    requireJoined(socket, showId);
    ctx.reactions.add(showId, kind, count);
    return {};
  });
}
