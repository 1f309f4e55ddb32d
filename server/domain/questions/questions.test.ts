import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { goLive, makeBuyers } from '../checkout.test-support';
import type { Actor } from '../context';
import { demoActors, expectAppError } from '../test-actors';
import { askQuestion, markAnswered, markAnswering, QUESTION_MAX_LENGTH, showQuestions, upvoteQuestion } from './questions';

let database: TestDatabase;
let host: Actor;
const showId = DEMO_SHOW_ID;

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  await goLive(database.prisma, showId);
  host = (await demoActors(database.prisma)).host;
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

describe('Q&A', () => {
  it('an upvote is idempotent: the same person upvoting many times at once counts once', async () => {
    const [asker, fan, other] = await makeBuyers(database.prisma, 3, { wallet: false });
    const question = await askQuestion(database.prisma, asker!, showId, '  Is the serum   fragrance-free?\n');
    expect(question).toMatchObject({ text: 'Is the serum fragrance-free?', upvotes: 0, status: 'OPEN', authorName: 'Buyer T.' });
    const results = await Promise.all(Array.from({ length: 12 }, () => upvoteQuestion(database.prisma, fan!, showId, question.id)));
    expect(results.filter((r) => r.counted)).toHaveLength(1);
    expect((await upvoteQuestion(database.prisma, other!, showId, question.id)).upvotes).toBe(2);
    const { questions, upvoted } = await showQuestions(database.prisma, showId, fan!.userId);
    expect(questions.find((q) => q.id === question.id)?.upvotes).toBe(2);
    expect(upvoted).toEqual([question.id]);
  });

  it('lists the most upvoted first; "answering now" moves the previous one to answered, and answered ones refuse upvotes', async () => {
    const [a, b] = await makeBuyers(database.prisma, 2, { wallet: false });
    const first = await askQuestion(database.prisma, a!, showId, 'Does it ship to Laos?');
    const second = await askQuestion(database.prisma, b!, showId, 'Vegan?');
    await upvoteQuestion(database.prisma, a!, showId, second.id);
    await upvoteQuestion(database.prisma, b!, showId, second.id);
    await upvoteQuestion(database.prisma, b!, showId, second.id); // repeated: still 2
    const listed = (await showQuestions(database.prisma, showId, null)).questions.map((q) => q.id);
    expect(listed.indexOf(second.id)).toBeLessThan(listed.indexOf(first.id));

    expect((await markAnswering(database.prisma, host, showId, second.id)).answering).toMatchObject({ id: second.id, status: 'ANSWERING' });
    const next = await markAnswering(database.prisma, host, showId, first.id);
    expect(next.answeredIds).toEqual([second.id]);
    expect(await upvoteQuestion(database.prisma, a!, showId, second.id).catch((e: unknown) => e)).toMatchObject({
      reason: 'QUESTION_ANSWERED',
    });
    await markAnswered(database.prisma, host, showId, first.id);
    await expectAppError(markAnswered(database.prisma, host, showId, first.id), 'INVALID_STATE');
    await expectAppError(markAnswering(database.prisma, a!, showId, null), 'FORBIDDEN');
  });

  it('refuses empty and over-long questions, and questions once the show has ended (QUESTIONS_CLOSED)', async () => {
    const [viewer] = await makeBuyers(database.prisma, 1, { wallet: false });
    expect(await askQuestion(database.prisma, viewer!, showId, ' \u202e ').catch((e: unknown) => e)).toMatchObject({
      reason: 'QUESTION_EMPTY',
    });
    expect(await askQuestion(database.prisma, viewer!, showId, 'x'.repeat(QUESTION_MAX_LENGTH + 1)).catch((e: unknown) => e)).toMatchObject(
      {
        reason: 'QUESTION_TOO_LONG',
        params: { max: QUESTION_MAX_LENGTH },
      },
    );
    await database.prisma.show.update({ where: { id: showId }, data: { status: 'ENDED', endedAt: new Date() } });
    expect(await askQuestion(database.prisma, viewer!, showId, 'Still there?').catch((e: unknown) => e)).toMatchObject({
      reason: 'QUESTIONS_CLOSED',
    });
  });
});
