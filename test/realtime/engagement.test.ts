import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { ask, createBuyers, joinShow, nextEvent, startTestApp, type TestApp, type TestBuyer, type TestSocket } from '../support/app';

// Giveaways, polls and Q&A over the real show channel: real server, PostgreSQL, Socket.io over sockets.
let t: TestApp;
const showId = DEMO_SHOW_ID;
let hostSocket: TestSocket;
let viewers: TestBuyer[];

beforeAll(async () => {
  t = await startTestApp();
  const host = await t.app.db.user.findUniqueOrThrow({ where: { email: 'host@demo.live' }, select: { id: true, name: true } });
  hostSocket = await t.connect(host);
  await joinShow(hostSocket, showId);
  expect(await ask(hostSocket, 'show:goLive', { showId })).toMatchObject({ ok: true });
  viewers = await createBuyers(t, 20, 'engage');
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

describe('giveaways, polls and Q&A on the show channel', () => {
  it('typing the keyword in chat enters its author, who alone is told; the entry count is broadcast; a late joiner gets the giveaway in its snapshot', async () => {
    const author = await t.connect(viewers[0]);
    const watcher = await t.connect(viewers[1]);
    await Promise.all([joinShow(author, showId), joinShow(watcher, showId)]);
    const started = await ask(hostSocket, 'giveaway:start', {
      showId,
      prizeText: 'Tote bag',
      eligibility: 'ANYONE',
      keyword: 'glow',
      winnerCount: 1,
      durationSeconds: 300,
    });
    if (!started.ok) throw new Error(started.error.code);
    const { giveaway } = started;

    const entered = nextEvent(author, 'giveaway:chatEntry');
    let watcherTold = false;
    watcher.on('giveaway:chatEntry', () => (watcherTold = true));
    const counted = nextEvent(watcher, 'giveaway:entries', (e) => e.giveawayId === giveaway.id && e.entryCount === 1);
    expect(await ask(author, 'chat:send', { showId, text: 'Glow! count me in' })).toMatchObject({ ok: true });
    expect(await entered).toMatchObject({ showId, entry: { giveawayId: giveaway.id, entered: true }, error: null });
    await counted;
    expect(watcherTold).toBe(false);

    const late = await t.connect(viewers[2]);
    const snapshot = await joinShow(late, showId);
    expect(snapshot.engagement.giveaway).toMatchObject({ id: giveaway.id, entryCount: 1, seedHex: null, keyword: 'glow' });
    const drawn = nextEvent(late, 'giveaway:drawn', (e) => e.giveaway.id === giveaway.id);
    expect(await ask(hostSocket, 'giveaway:draw', { showId, giveawayId: giveaway.id })).toMatchObject({ ok: true });
    expect((await drawn).giveaway.seedHex).toMatch(/^[0-9a-f]{64}$/);
  });

  it('twenty votes at once reach everybody as a few coalesced results, the last with every vote', async () => {
    const sockets = await Promise.all(viewers.map((v) => t.connect(v)));
    await Promise.all(sockets.map((s) => joinShow(s, showId)));
    const started = await ask(hostSocket, 'poll:start', { showId, question: 'Warm or cool?', options: ['Warm', 'Cool'] });
    if (!started.ok) throw new Error(started.error.code);
    const pollId = started.poll.id;
    const results: number[] = [];
    hostSocket.on('poll:results', (e) => {
      if (e.pollId === pollId) results.push(e.total);
    });
    const all = nextEvent(hostSocket, 'poll:results', (e) => e.pollId === pollId && e.total === 20);
    const acks = await Promise.all(sockets.map((s, i) => ask(s, 'poll:vote', { showId, pollId, option: i % 2 })));
    expect(acks.every((a) => a.ok)).toBe(true);
    expect((await all).counts).toEqual([10, 10]);
    expect(results.length).toBeLessThan(20);
    expect(await ask(sockets[0]!, 'poll:vote', { showId, pollId, option: 1 })).toMatchObject({
      ok: false,
      error: { reason: 'ALREADY_VOTED' },
    });
    expect(await ask(sockets[0]!, 'poll:close', { showId, pollId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const closed = nextEvent(sockets[1]!, 'poll:closed', (e) => e.poll.id === pollId);
    expect(await ask(hostSocket, 'poll:close', { showId, pollId })).toMatchObject({ ok: true, poll: { total: 20, status: 'CLOSED' } });
    expect((await closed).poll.counts).toEqual([10, 10]);
  });

  it('a question and its upvote reach everybody; "answering now" reaches every viewer', async () => {
    const [asker, fan] = [await t.connect(viewers[3]), await t.connect(viewers[4])];
    await Promise.all([joinShow(asker, showId), joinShow(fan, showId)]);
    const asked = nextEvent(fan, 'question:asked');
    const reply = await ask(asker, 'question:ask', { showId, text: 'Does it come in travel size?' });
    if (!reply.ok) throw new Error(reply.error.code);
    expect((await asked).question.id).toBe(reply.question.id);
    const upvoted = nextEvent(asker, 'question:upvoted', (e) => e.questionId === reply.question.id);
    expect(await ask(fan, 'question:upvote', { showId, questionId: reply.question.id })).toMatchObject({
      ok: true,
      counted: true,
      upvotes: 1,
    });
    expect(await ask(fan, 'question:upvote', { showId, questionId: reply.question.id })).toMatchObject({
      ok: true,
      counted: false,
      upvotes: 1,
    });
    expect((await upvoted).upvotes).toBe(1);
    const answering = nextEvent(fan, 'question:answering', (e) => e.question?.id === reply.question.id);
    expect(await ask(hostSocket, 'question:answering', { showId, questionId: reply.question.id })).toMatchObject({ ok: true });
    expect((await answering).question).toMatchObject({ status: 'ANSWERING', text: 'Does it come in travel size?' });
  });

  it('a giveaway nobody draws is drawn by the server when its entries close, and everybody sees the winners', async () => {
    const entrant = await t.connect(viewers[5]);
    await joinShow(entrant, showId);
    const started = await ask(hostSocket, 'giveaway:start', {
      showId,
      prizeText: 'Mug',
      eligibility: 'ANYONE',
      winnerCount: 1,
      durationSeconds: 15,
    });
    if (!started.ok) throw new Error(started.error.code);
    expect(await ask(entrant, 'giveaway:enter', { showId, giveawayId: started.giveaway.id })).toMatchObject({ ok: true });
    const drawn = await nextEvent(entrant, 'giveaway:drawn', (e) => e.giveaway.id === started.giveaway.id);
    expect(drawn.giveaway).toMatchObject({ status: 'DRAWN', winners: [{ name: 'Buyer T.' }] });
    expect(drawn.giveaway.seedHex).toMatch(/^[0-9a-f]{64}$/);
  });
});
