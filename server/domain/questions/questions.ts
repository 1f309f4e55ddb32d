// Q&A in a live show, apart from chat: viewers ask and upvote (one upvote per
// person, repeating it changes nothing); the host marks one question "answering
// now" (shown over the stream) and then answered.
import { rawQuery } from '../../db/raw';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import { publicName } from '../live-format';
import { requireModerator } from '../shows';

export const QUESTION_MAX_LENGTH = 200;
/** The questions a snapshot carries: the most upvoted unanswered ones. */
export const QUESTIONS_SHOWN = 50;

export type QuestionStatus = 'OPEN' | 'ANSWERING' | 'ANSWERED';
export interface QuestionView {
  id: string;
  text: string;
  authorName: string;
  upvotes: number;
  status: QuestionStatus;
  createdAt: string;
}

const questionSelect = { id: true, text: true, upvotes: true, status: true, createdAt: true, user: { select: { name: true } } } as const;
type QuestionRow = { id: string; text: string; upvotes: number; status: string; createdAt: Date; user: { name: string } };

function toView(row: QuestionRow): QuestionView {
  return {
    id: row.id,
    text: row.text,
    authorName: publicName(row.user.name),
    upvotes: row.upvotes,
    status: row.status as QuestionStatus,
    createdAt: row.createdAt.toISOString(),
  };
}

// The same cleaning as chat: no control or direction-override characters, one line.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function normaliseQuestion(raw: string): string {
  const text = raw
    .replace(/[\r\n\t]+/g, ' ')
    .replace(UNSAFE_CHARACTERS, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  if (!text) throw new AppError('QUESTION_EMPTY', 'empty question');
  if ([...text].length > QUESTION_MAX_LENGTH) throw new AppError('QUESTION_TOO_LONG', { max: QUESTION_MAX_LENGTH }, 'question too long');
  return text;
}

export async function askQuestion(db: Db, actor: Actor, showId: string, rawText: string): Promise<QuestionView> {
  const text = normaliseQuestion(rawText);
  const [show, ban] = await Promise.all([
    db.show.findUnique({ where: { id: showId }, select: { status: true } }),
    db.showBan.findUnique({ where: { showId_userId: { showId, userId: actor.userId } }, select: { userId: true } }),
  ]);
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
  if (show.status !== 'LIVE') throw new AppError('QUESTIONS_CLOSED', `show ${showId} is ${show.status}`);
  if (ban) throw new AppError('BANNED', `user ${actor.userId} is banned from ${showId}`);
  return toView(await db.showQuestion.create({ data: { showId, userId: actor.userId, text }, select: questionSelect }));
}

/**
 * Idempotent: the vote row's primary key admits one per person, and the count
 * moves only when that row was new (one statement, so a race cannot count twice).
 */
export async function upvoteQuestion(
  db: Db,
  actor: Actor,
  showId: string,
  questionId: string,
): Promise<{ questionId: string; upvotes: number; counted: boolean }> {
  const [row] = await rawQuery<{ upvotes: number }>(
    db,
    `WITH v AS (
       INSERT INTO "QuestionVote" ("questionId", "userId")
       SELECT q."id", $3 FROM "ShowQuestion" q WHERE q."id" = $1 AND q."showId" = $2 AND q."status" <> 'ANSWERED'
       ON CONFLICT DO NOTHING RETURNING "questionId")
     UPDATE "ShowQuestion" q SET "upvotes" = q."upvotes" + 1 FROM v WHERE q."id" = v."questionId" RETURNING q."upvotes"`,
    [questionId, showId, actor.userId],
  );
  if (row) return { questionId, upvotes: row.upvotes, counted: true };
  const question = await db.showQuestion.findFirst({ where: { id: questionId, showId }, select: { status: true, upvotes: true } });
  if (!question) throw new AppError('QUESTION_NOT_FOUND', `question ${questionId} not in ${showId}`);
  if (question.status === 'ANSWERED') throw new AppError('QUESTION_ANSWERED', `question ${questionId} answered`);
  return { questionId, upvotes: question.upvotes, counted: false };
}

/** Marks one question "answering now"; the one answered before it becomes ANSWERED. Null clears the overlay. */
export async function markAnswering(
  db: Db,
  actor: Actor,
  showId: string,
  questionId: string | null,
): Promise<{ answering: QuestionView | null; answeredIds: string[] }> {
  await requireModerator(db, actor, showId);
  return db.$transaction(async (tx) => {
    const previous = await tx.showQuestion.findMany({
      where: { showId, status: 'ANSWERING', id: { not: questionId ?? '' } },
      select: { id: true },
    });
    await tx.showQuestion.updateMany({
      where: { id: { in: previous.map((q) => q.id) } },
      data: { status: 'ANSWERED', answeredAt: new Date() },
    });
    if (!questionId) return { answering: null, answeredIds: previous.map((q) => q.id) };
    const question = await tx.showQuestion.findFirst({ where: { id: questionId, showId }, select: { status: true } });
    if (!question) throw new AppError('QUESTION_NOT_FOUND', `question ${questionId} not in ${showId}`);
    if (question.status === 'ANSWERED') throw new AppError('QUESTION_ANSWERED', `question ${questionId} answered`);
    const row = await tx.showQuestion.update({ where: { id: questionId }, data: { status: 'ANSWERING' }, select: questionSelect });
    return { answering: toView(row), answeredIds: previous.map((q) => q.id) };
  });
}

export async function markAnswered(db: Db, actor: Actor, showId: string, questionId: string): Promise<{ questionId: string }> {
  await requireModerator(db, actor, showId);
  const { count } = await db.showQuestion.updateMany({
    where: { id: questionId, showId, status: { not: 'ANSWERED' } },
    data: { status: 'ANSWERED', answeredAt: new Date() },
  });
  if (count === 0) {
    const exists = await db.showQuestion.findFirst({ where: { id: questionId, showId }, select: { id: true } });
    throw exists
      ? new AppError('QUESTION_ANSWERED', `question ${questionId} answered`)
      : new AppError('QUESTION_NOT_FOUND', `question ${questionId}`);
  }
  return { questionId };
}

/** The unanswered questions, most upvoted first, and which of them the person upvoted. */
export async function showQuestions(
  db: Db,
  showId: string,
  userId: string | null,
): Promise<{ questions: QuestionView[]; upvoted: string[] }> {
  const rows = await db.showQuestion.findMany({
    where: { showId, status: { not: 'ANSWERED' } },
    orderBy: [{ upvotes: 'desc' }, { createdAt: 'asc' }],
    take: QUESTIONS_SHOWN,
    select: questionSelect,
  });
  const votes = userId
    ? await db.questionVote.findMany({ where: { userId, questionId: { in: rows.map((r) => r.id) } }, select: { questionId: true } })
    : [];
  return { questions: rows.map(toView), upvoted: votes.map((v) => v.questionId) };
}

export async function questionUpvotes(db: Db, questionId: string): Promise<number> {
  return (await db.showQuestion.findUnique({ where: { id: questionId }, select: { upvotes: true } }))?.upvotes ?? 0;
}
