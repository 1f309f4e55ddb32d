import type { Db } from '../domain/context';
import { AppError, toErrorPayload } from '../domain/errors';
import {
  claimPrize,
  type DrawResult,
  type GiveawayView,
  currentGiveaway,
  drawGiveaway,
  drawGiveawayAtEnd,
  enterGiveaway,
  enterGiveawayByChat,
  giveawayEntryCount,
  startGiveaway,
} from '../domain/giveaways';
import { closePoll, currentPoll, pollResults, startPoll, votePoll } from '../domain/polls';
import { askQuestion, markAnswered, markAnswering, questionUpvotes, showQuestions, upvoteQuestion } from '../domain/questions';
import type { Actor } from '../domain/context';
import type { ShowBroadcaster } from './broadcaster';
import { Coalescer } from './coalescer';
import { requireJoined, requireUser, type ConnectionContext } from './context';
import type { HandlerRegistrar, ShowSocket } from './handler';
import {
  type EngagementSnapshot,
  giveawayRefSchema,
  giveawayStartSchema,
  pollRefSchema,
  pollStartSchema,
  pollVoteSchema,
  questionAnsweringSchema,
  questionAskSchema,
  questionRefSchema,
} from './protocol';

const COALESCE_MS = 250;
// After endsAt, so the database's clock (which closes entries) agrees the time has passed.
const DRAW_GRACE_MS = 500;
// One per process, like the broadcaster it sends through.
const coalescers = new WeakMap<ShowBroadcaster, Coalescer>();

function coalescerFor(ctx: ConnectionContext): Coalescer {
  let coalescer = coalescers.get(ctx.broadcaster);
  if (!coalescer) {
    coalescer = new Coalescer(COALESCE_MS, (key, err) => ctx.log.error({ key, err }, 'coalesced broadcast failed'));
    coalescers.set(ctx.broadcaster, coalescer);
  }
  return coalescer;
}

/** The join snapshot's part for giveaways, polls and Q&A. */
export async function engagementSnapshot(db: Db, showId: string, userId: string | null): Promise<EngagementSnapshot> {
  const [giveaway, poll, questions] = await Promise.all([
    currentGiveaway(db, showId, userId),
    currentPoll(db, showId, userId),
    showQuestions(db, showId, userId),
  ]);
  return {
    giveaway: giveaway.giveaway,
    myGiveaway: giveaway.mine,
    poll: poll.poll,
    myPollOption: poll.myOption,
    questions: questions.questions,
    myUpvotes: questions.upvoted,
  };
}

export function registerEngagementHandlers(on: HandlerRegistrar, ctx: ConnectionContext): void {
  const { socket, db, broadcaster } = ctx;
  const coalesce = coalescerFor(ctx);
  const announceEntries = (showId: string, giveawayId: string) =>
    coalesce.schedule(`entries:${giveawayId}`, async () => {
      broadcaster.emit(showId, 'giveaway:entries', { showId, giveawayId, entryCount: await giveawayEntryCount(db, giveawayId) });
    });

  on.on('giveaway:start', giveawayStartSchema, async ({ showId, ...input }) => {
    const giveaway = await startGiveaway(db, requireUser(socket), showId, input);
    // Engagement operations return their view, not a time: `at` is the instant their commit returned.
    broadcaster.emit(showId, 'giveaway:started', { showId, giveaway, at: Date.now() });
    drawAtEnd(ctx, showId, giveaway.id, Date.parse(giveaway.endsAt));
    return { giveaway };
  });

  on.on('giveaway:enter', giveawayRefSchema, async ({ showId, giveawayId }) => {
    const actor = requireUser(socket);
    requireJoined(socket, showId);
    const entry = await enterGiveaway(db, actor, showId, giveawayId);
    if (entry.entered) announceEntries(showId, giveawayId);
    return { entry };
  });

  on.on('giveaway:draw', giveawayRefSchema, async ({ showId, giveawayId }) => {
    const { giveaway, stockAfter } = await drawGiveaway(db, requireUser(socket), showId, giveawayId);
    broadcaster.emit(showId, 'giveaway:drawn', { showId, giveaway, at: drawnAt(giveaway) });
    for (const s of stockAfter)
      broadcaster.emit(showId, 'stock:changed', { showId, productId: s.productId, variantId: s.variantId, stock: s.stock });
    return { giveaway };
  });

  on.on('giveaway:claim', giveawayRefSchema, async ({ showId, giveawayId }) => {
    requireJoined(socket, showId);
    return { mine: await claimPrize(db, requireUser(socket), giveawayId) };
  });

  on.on('poll:start', pollStartSchema, async ({ showId, ...input }) => {
    const poll = await startPoll(db, requireUser(socket), showId, input);
    broadcaster.emit(showId, 'poll:started', { showId, poll, at: Date.now() });
    return { poll };
  });

  on.on('poll:vote', pollVoteSchema, async ({ showId, pollId, option }) => {
    const actor = requireUser(socket);
    requireJoined(socket, showId);
    const vote = await votePoll(db, actor, showId, pollId, option);
    coalesce.schedule(`poll:${pollId}`, async () => {
      const poll = await pollResults(db, pollId);
      if (poll?.status === 'OPEN') broadcaster.emit(showId, 'poll:results', { showId, pollId, counts: poll.counts, total: poll.total });
    });
    return vote;
  });

  on.on('poll:close', pollRefSchema, async ({ showId, pollId }) => {
    const poll = await closePoll(db, requireUser(socket), showId, pollId);
    broadcaster.emit(showId, 'poll:closed', { showId, poll, at: Date.now() });
    return { poll };
  });

  on.on('question:ask', questionAskSchema, async ({ showId, text }) => {
    const actor = requireUser(socket);
    requireJoined(socket, showId);
    // Questions share chat's per-person rate: they are typed text seen by everybody.
    if (!ctx.chatLimiter.take(actor.userId)) throw new AppError('CHAT_TOO_FAST', `question rate for ${actor.userId}`);
    const question = await askQuestion(db, actor, showId, text);
    broadcaster.emit(showId, 'question:asked', { showId, question });
    return { question };
  });

  on.on('question:upvote', questionRefSchema, async ({ showId, questionId }) => {
    const actor = requireUser(socket);
    requireJoined(socket, showId);
    const result = await upvoteQuestion(db, actor, showId, questionId);
    if (result.counted)
      coalesce.schedule(`question:${questionId}`, async () => {
        const upvotes = await questionUpvotes(db, questionId);
        broadcaster.emit(showId, 'question:upvoted', { showId, questionId, upvotes });
      });
    return result;
  });

  on.on('question:answering', questionAnsweringSchema, async ({ showId, questionId }) => {
    const { answering, answeredIds } = await markAnswering(db, requireUser(socket), showId, questionId);
    broadcaster.emit(showId, 'question:answering', { showId, question: answering, answeredIds, at: Date.now() });
    return { question: answering };
  });

  on.on('question:answered', questionRefSchema, async ({ showId, questionId }) => {
    await markAnswered(db, requireUser(socket), showId, questionId);
    broadcaster.emit(showId, 'question:answered', { showId, questionId });
    return {};
  });
}

// The draw records its own instant; the host's draw and the timer's both carry it.
const drawnAt = (giveaway: GiveawayView): number => (giveaway.drawnAt ? Date.parse(giveaway.drawnAt) : Date.now());

/**
 * After a chat message is sent: if it names the open giveaway's keyword, its author
 * enters, and is told (alone) whether they got in.
 */
export async function enterByChatKeyword(
  ctx: ConnectionContext,
  socket: ShowSocket,
  author: Actor,
  showId: string,
  text: string,
): Promise<void> {
  const outcome = await enterGiveawayByChat(ctx.db, author, showId, text);
  if (!outcome) return;
  if ('entry' in outcome) {
    socket.emit('giveaway:chatEntry', { showId, entry: outcome.entry, error: null });
    if (outcome.entry.entered)
      coalescerFor(ctx).schedule(`entries:${outcome.entry.giveawayId}`, async () => {
        const entryCount = await giveawayEntryCount(ctx.db, outcome.entry.giveawayId);
        ctx.broadcaster.emit(showId, 'giveaway:entries', { showId, giveawayId: outcome.entry.giveawayId, entryCount });
      });
  } else socket.emit('giveaway:chatEntry', { showId, entry: null, error: toErrorPayload(outcome.refusal) });
}

function announceDraw(ctx: ConnectionContext, showId: string, { giveaway, stockAfter }: DrawResult): void {
  ctx.broadcaster.emit(showId, 'giveaway:drawn', { showId, giveaway, at: drawnAt(giveaway) });
  for (const s of stockAfter)
    ctx.broadcaster.emit(showId, 'stock:changed', { showId, productId: s.productId, variantId: s.variantId, stock: s.stock });
}

/**
 * Draws the giveaway when its entries close, unless the host drew first. A timer
 * lost with its process leaves the giveaway for the host's Draw button; with
 * several nodes the giveaway's row lock lets exactly one draw.
 */
function drawAtEnd(ctx: ConnectionContext, showId: string, giveawayId: string, endsAtMs: number): void {
  const timer = setTimeout(
    () => {
      drawGiveawayAtEnd(ctx.db, giveawayId).then(
        (drawn) => drawn && announceDraw(ctx, showId, drawn),
        (err: unknown) => ctx.log.error({ err, giveawayId }, 'giveaway draw at its end failed'),
      );
    },
    Math.max(0, endsAtMs - Date.now()) + DRAW_GRACE_MS,
  );
  timer.unref();
}
