import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { ask, joinShow, createBuyers, startTestApp, type TestApp, type TestSocket } from '../support/app';

let t: TestApp;
let showId: string;

const joined = (socket: TestSocket) => joinShow(socket, showId);

beforeAll(async () => {
  t = await startTestApp();
  showId = (await t.app.db.show.findFirstOrThrow({ where: { id: DEMO_SHOW_ID }, select: { id: true } })).id;
});

afterAll(async () => {
  await t?.stop();
});

describe('consistency across drops', () => {
  it('numbers every broadcast of a show in order, starting after the snapshot the client joined with', async () => {
    const [speaker] = await createBuyers(t, 1, 'seq');
    const listener = await t.connect();
    const snapshot = await joined(listener);
    const seqs: number[] = [];
    listener.on('chat:message', (e) => seqs.push(e.seq));
    const socket = await t.connect(speaker);
    await joined(socket);
    for (const text of ['one', 'two', 'three']) expect(await ask(socket, 'chat:send', { showId, text })).toMatchObject({ ok: true });
    for (let i = 0; i < 500 && seqs.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    expect(seqs).toHaveLength(3);
    expect(seqs[0]!).toBeGreaterThan(snapshot.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('gives a client whose connection drops briefly every message it missed, without a new join', async () => {
    const [speaker, listener] = await createBuyers(t, 2, 'drop');
    const talker = await t.connect(speaker);
    const dropper = await t.connect(listener, { reconnection: true });
    await Promise.all([joined(talker), joined(dropper)]);
    const received: string[] = [];
    dropper.on('chat:message', (e) => received.push(e.message.text));
    // Recovery resumes from the last broadcast the client saw, so it must have seen one.
    expect(await ask(talker, 'chat:send', { showId, text: 'before the drop' })).toMatchObject({ ok: true });
    for (let i = 0; i < 500 && received.length < 1; i++) await new Promise((r) => setTimeout(r, 20));

    const disconnected = new Promise((resolve) => dropper.once('disconnect', resolve));
    // Listening before the drop: the client reconnects after ~50 ms, which on a busy
    // machine can come before the sends below finish, and a later listener would wait forever.
    const reconnected = disconnected.then(() => new Promise<void>((resolve) => dropper.once('connect', () => resolve())));
    // Kill the transport underneath the socket, as a flaky mobile network would.
    (dropper.io.engine as unknown as { close(): void }).close();
    await disconnected;
    for (const text of ['missed one', 'missed two']) expect(await ask(talker, 'chat:send', { showId, text })).toMatchObject({ ok: true });

    await reconnected;
    expect(dropper.recovered).toBe(true);
    for (let i = 0; i < 500 && received.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    expect(received).toEqual(['before the drop', 'missed one', 'missed two']);
    // The restored session still counts as joined: it can act without joining again.
    expect(await ask(dropper, 'chat:send', { showId, text: 'back' })).toMatchObject({ ok: true });
  });

  it('gives a client that comes back too late for recovery a fresh snapshot that includes what it missed', async () => {
    const [speaker] = await createBuyers(t, 1, 'late');
    const talker = await t.connect(speaker);
    await joined(talker);
    const first = await t.connect();
    const before = await joined(first);
    first.disconnect();
    expect(await ask(talker, 'chat:send', { showId, text: 'while you were away' })).toMatchObject({ ok: true });
    const fresh = await joined(await t.connect());
    expect(fresh.seq).toBeGreaterThan(before.seq);
    expect(fresh.chat.at(-1)?.text).toBe('while you were away');
  });
});
