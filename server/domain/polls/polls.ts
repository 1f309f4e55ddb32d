// Polls in a live show: a question with 2–4 answers, one vote per person, closed by
// the host and kept with the show (the latest one is part of the show's snapshot).
import { rawQuery } from '../../db/raw';
import { appendShowAudit } from '../audit';
import type { Prisma } from '../../db/client';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import { requireLiveModerator } from '../live-format';
import { requireModerator } from '../shows';
import type { PollStartInput } from './polls.schema';

export interface PollView {
  id: string;
  question: string;
  options: string[];
  /** Votes per option, in the options' order. */
  counts: number[];
  total: number;
  status: 'OPEN' | 'CLOSED';
}

type PollRow = { id: string; question: string; options: string[]; status: string };

async function countsOf(db: Pick<Db, 'pollVote'> | Prisma.TransactionClient, poll: PollRow): Promise<PollView> {
  const rows = await db.pollVote.groupBy({ by: ['option'], where: { pollId: poll.id }, _count: { _all: true } });
  const counts = poll.options.map((_, i) => rows.find((r) => r.option === i)?._count._all ?? 0);
  return {
    id: poll.id,
    question: poll.question,
    options: poll.options,
    counts,
    total: counts.reduce((a, b) => a + b, 0),
    status: poll.status === 'OPEN' ? 'OPEN' : 'CLOSED',
  };
}

const pollSelect = { id: true, question: true, options: true, status: true } as const;

export async function startPoll(db: Db, actor: Actor, showId: string, input: PollStartInput): Promise<PollView> {
  await requireLiveModerator(db, actor, showId);
  const poll = await db.$transaction(async (tx) => {
    // Two hosts' clicks at once must not open two polls.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`poll:${showId}`}, 0))`;
    if (await tx.poll.findFirst({ where: { showId, status: 'OPEN' }, select: { id: true } }))
      throw new AppError('POLL_RUNNING', `show ${showId} has an open poll`);
    const created = await tx.poll.create({ data: { showId, question: input.question, options: input.options }, select: pollSelect });
    await appendShowAudit(tx, showId, 'poll.started', { pollId: created.id, question: created.question, options: created.options });
    return created;
  });
  return countsOf(db, poll);
}

/**
 * One vote per person: the primary key (poll, person) holds it whatever races.
 * The vote is one statement whose FOR SHARE waits for a close in progress and then
 * sees the poll CLOSED, so no vote lands after the results were taken.
 */
export async function votePoll(
  db: Db,
  actor: Actor,
  showId: string,
  pollId: string,
  option: number,
): Promise<{ pollId: string; option: number }> {
  const inserted = await rawQuery<{ pollId: string }>(
    db,
    `WITH p AS (SELECT "id" FROM "Poll" WHERE "id" = $1 AND "showId" = $2 AND "status" = 'OPEN' AND $4 < cardinality("options")
                   AND EXISTS (SELECT 1 FROM "Show" s WHERE s."id" = $2 AND s."status" = 'LIVE') FOR SHARE)
     INSERT INTO "PollVote" ("pollId", "userId", "option") SELECT p."id", $3, $4 FROM p
     ON CONFLICT DO NOTHING RETURNING "pollId"`,
    [pollId, showId, actor.userId, option],
  );
  if (inserted.length > 0) return { pollId, option };
  const poll = await db.poll.findFirst({ where: { id: pollId, showId }, select: { status: true, options: true } });
  if (!poll) throw new AppError('POLL_NOT_FOUND', `poll ${pollId} not in ${showId}`);
  // A poll left open when the show ended is closed to votes with it.
  if (poll.status !== 'OPEN' || (await db.show.findUnique({ where: { id: showId }, select: { status: true } }))?.status !== 'LIVE')
    throw new AppError('POLL_CLOSED', `poll ${pollId} closed`);
  if (option >= poll.options.length) throw new AppError('POLL_OPTION_UNKNOWN', `poll ${pollId} has no option ${option}`);
  throw new AppError('ALREADY_VOTED', `user ${actor.userId} voted in ${pollId}`);
}

/** Closes the poll and answers its final results. */
export async function closePoll(db: Db, actor: Actor, showId: string, pollId: string): Promise<PollView> {
  await requireModerator(db, actor, showId);
  // Closing waits for votes in flight (their FOR SHARE); the results read and logged here are final.
  return db.$transaction(async (tx) => {
    const { count } = await tx.poll.updateMany({
      where: { id: pollId, showId, status: 'OPEN' },
      data: { status: 'CLOSED', closedAt: new Date() },
    });
    const poll = await tx.poll.findFirst({ where: { id: pollId, showId }, select: pollSelect });
    if (!poll) throw new AppError('POLL_NOT_FOUND', `poll ${pollId} not in ${showId}`);
    if (count === 0) throw new AppError('POLL_CLOSED', `poll ${pollId} was closed already`);
    const results = await countsOf(tx, poll);
    await appendShowAudit(tx, showId, 'poll.closed', {
      pollId,
      question: results.question,
      options: results.options,
      counts: results.counts,
      total: results.total,
    });
    return results;
  });
}

export async function pollResults(db: Db, pollId: string): Promise<PollView | null> {
  const poll = await db.poll.findUnique({ where: { id: pollId }, select: pollSelect });
  return poll ? countsOf(db, poll) : null;
}

/** The show's latest poll (open or closed) and the person's vote in it. */
export async function currentPoll(
  db: Db,
  showId: string,
  userId: string | null,
): Promise<{ poll: PollView | null; myOption: number | null }> {
  const poll = await db.poll.findFirst({ where: { showId }, orderBy: { createdAt: 'desc' }, select: pollSelect });
  if (!poll) return { poll: null, myOption: null };
  const mine = userId
    ? await db.pollVote.findUnique({ where: { pollId_userId: { pollId: poll.id, userId } }, select: { option: true } })
    : null;
  return { poll: await countsOf(db, poll), myOption: mine?.option ?? null };
}
