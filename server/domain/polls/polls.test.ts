import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { goLive, makeBuyers } from '../checkout.test-support';
import type { Actor } from '../context';
import { demoActors, expectAppError } from '../test-actors';
import { closePoll, currentPoll, startPoll, votePoll } from './polls';

let database: TestDatabase;
let host: Actor;
const showId = DEMO_SHOW_ID;

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  host = (await demoActors(database.prisma)).host;
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

describe('polls', () => {
  it('start only on air: a poll before the show is live is refused with FORMAT_NEEDS_LIVE', async () => {
    const refused = await startPoll(database.prisma, host, showId, { question: 'Which shade?', options: ['Warm', 'Cool'] }).catch(
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({ code: 'SHOW_NOT_LIVE', reason: 'FORMAT_NEEDS_LIVE' });
    await goLive(database.prisma, showId);
  });

  it('counts one vote per person even when the same person votes many times at once (ALREADY_VOTED)', async () => {
    const poll = await startPoll(database.prisma, host, showId, { question: 'Which shade?', options: ['Warm', 'Cool', 'Neutral'] });
    const voters = await makeBuyers(database.prisma, 30, { wallet: false });
    const [eager] = voters;
    const repeats = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => votePoll(database.prisma, eager!, showId, poll.id, i % 3)),
    );
    expect(repeats.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of repeats) if (r.status === 'rejected') expect(r.reason).toMatchObject({ reason: 'ALREADY_VOTED' });
    await Promise.all(voters.slice(1).map((v, i) => votePoll(database.prisma, v, showId, poll.id, i % 2)));
    const { poll: results, myOption } = await currentPoll(database.prisma, showId, eager!.userId);
    expect(results!.total).toBe(30);
    expect(results!.counts.reduce((a, b) => a + b, 0)).toBe(30);
    expect(myOption).not.toBeNull();
    // A second poll cannot open while this one is open.
    await expectAppError(startPoll(database.prisma, host, showId, { question: 'Another?', options: ['Yes', 'No'] }), 'INVALID_STATE');
  });

  it('a closed poll refuses votes with POLL_CLOSED, keeps its final results, and logs them', async () => {
    const { poll } = await currentPoll(database.prisma, showId, null);
    const [late] = await makeBuyers(database.prisma, 1, { wallet: false });
    const [final] = await Promise.all([
      closePoll(database.prisma, host, showId, poll!.id),
      // A vote racing the close either counts in the final results or is refused; never after them.
      votePoll(database.prisma, late!, showId, poll!.id, 0).then(
        () => 'voted',
        (e: unknown) => (e as { reason?: string }).reason,
      ),
    ]);
    const stored = await database.prisma.pollVote.count({ where: { pollId: poll!.id } });
    expect(final.total).toBe(stored);
    expect(final.status).toBe('CLOSED');
    const [another] = await makeBuyers(database.prisma, 1, { wallet: false });
    expect(await votePoll(database.prisma, another!, showId, poll!.id, 1).catch((e: unknown) => e)).toMatchObject({
      reason: 'POLL_CLOSED',
    });
    await expectAppError(closePoll(database.prisma, host, showId, poll!.id), 'INVALID_STATE');
    const logged = await database.prisma.showAuditEntry.findFirst({ where: { showId, kind: 'poll.closed' }, select: { data: true } });
    expect(JSON.parse(logged!.data)).toMatchObject({ pollId: poll!.id, total: stored, counts: final.counts });
  });

  it('refuses an option the poll does not have with POLL_OPTION_UNKNOWN, and viewers cannot close it', async () => {
    const poll = await startPoll(database.prisma, host, showId, { question: 'Size?', options: ['S', 'M'] });
    const [viewer] = await makeBuyers(database.prisma, 1, { wallet: false });
    expect(await votePoll(database.prisma, viewer!, showId, poll.id, 3).catch((e: unknown) => e)).toMatchObject({
      reason: 'POLL_OPTION_UNKNOWN',
    });
    await expectAppError(closePoll(database.prisma, viewer!, showId, poll.id), 'FORBIDDEN');
    await closePoll(database.prisma, host, showId, poll.id);
  });

  it('an open poll stops taking votes when the show ends (POLL_CLOSED)', async () => {
    const poll = await startPoll(database.prisma, host, showId, { question: 'Last one?', options: ['Yes', 'No'] });
    await database.prisma.show.update({ where: { id: showId }, data: { status: 'ENDED', endedAt: new Date() } });
    const [viewer] = await makeBuyers(database.prisma, 1, { wallet: false });
    expect(await votePoll(database.prisma, viewer!, showId, poll.id, 0).catch((e: unknown) => e)).toMatchObject({ reason: 'POLL_CLOSED' });
  });
});
