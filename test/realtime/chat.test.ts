import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { ask, joinShow, createBuyers, nextEvent, startTestApp, type TestApp, type TestSocket } from '../support/app';

let t: TestApp;
let showId: string;
let host: { id: string; name: string };
let brandOwner: { id: string; name: string };

const joined = (socket: TestSocket) => joinShow(socket, showId);

async function say(socket: TestSocket, text: string) {
  const response = await ask(socket, 'chat:send', { showId, text });
  if (!response.ok) throw new Error(`chat failed: ${response.error.code}`);
  return response.message;
}

beforeAll(async () => {
  t = await startTestApp();
  const show = await t.app.db.show.findFirstOrThrow({
    where: { id: DEMO_SHOW_ID },
    select: { id: true, host: { select: { id: true, name: true } } },
  });
  showId = show.id;
  host = show.host;
  brandOwner = await t.app.db.user.findUniqueOrThrow({ where: { email: 'brand@demo.live' }, select: { id: true, name: true } });
});

afterAll(async () => {
  await t?.stop();
});

describe('chat', () => {
  it('delivers a message to everyone in the show, stores it, and gives late joiners the last 50', async () => {
    const [alice, bob] = await createBuyers(t, 2, 'chat');
    const a = await t.connect(alice);
    const b = await t.connect(bob);
    await Promise.all([joined(a), joined(b)]);
    const received = nextEvent(b, 'chat:message');
    const sent = await say(a, 'Is the serum good for oily skin?');
    expect(await received).toMatchObject({
      showId,
      message: { id: sent.id, text: 'Is the serum good for oily skin?', author: { id: alice!.id, role: 'viewer' } },
    });
    expect(await t.app.db.chatMessage.count({ where: { id: sent.id } })).toBe(1);

    await t.app.db.chatMessage.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        showId,
        userId: bob!.id,
        text: `filler ${i}`,
        createdAt: new Date(Date.now() + 1000 + i),
      })),
    });
    const late = await joined(await t.connect());
    expect(late.chat).toHaveLength(50);
    expect(late.chat.at(-1)?.text).toBe('filler 59');
  });

  it('lets anonymous visitors read but not chat (UNAUTHENTICATED)', async () => {
    const anonymous = await t.connect();
    await joined(anonymous);
    expect(await ask(anonymous, 'chat:send', { showId, text: 'hi' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('keeps markup as plain text and refuses empty or over-long messages with INVALID_INPUT', async () => {
    const [mallory] = await createBuyers(t, 1, 'xss');
    const socket = await t.connect(mallory);
    await joined(socket);
    expect((await say(socket, '<img src=x onerror=alert(1)>')).text).toBe('<img src=x onerror=alert(1)>');
    expect(await ask(socket, 'chat:send', { showId, text: '   ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await ask(socket, 'chat:send', { showId, text: 'x'.repeat(301) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('rate-limits each person across all their tabs with RATE_LIMITED, without slowing anyone else', async () => {
    const [spammer, other] = await createBuyers(t, 2, 'spam');
    const tabs = await Promise.all([t.connect(spammer), t.connect(spammer)]);
    const calm = await t.connect(other);
    await Promise.all([...tabs, calm].map(joined));
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => ask(tabs[i % 2]!, 'chat:send', { showId, text: `spam ${i}` })));
    expect(burst.filter((r) => r.ok)).toHaveLength(5);
    expect(burst.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'RATE_LIMITED')).toBe(true);
    expect(await ask(calm, 'chat:send', { showId, text: 'hello' })).toMatchObject({ ok: true });
  });

  it('refuses moderation by viewers with FORBIDDEN: they cannot delete, ban, pin or set slow mode', async () => {
    const [viewer, victim] = await createBuyers(t, 2, 'mod');
    const v = await t.connect(viewer);
    const w = await t.connect(victim);
    await Promise.all([joined(v), joined(w)]);
    const message = await say(w, 'my message');
    for (const [event, payload] of [
      ['chat:delete', { showId, messageId: message.id }],
      ['chat:ban', { showId, userId: victim!.id }],
      ['chat:pin', { showId, messageId: message.id }],
      ['chat:slowMode', { showId, seconds: 30 }],
    ] as const) {
      expect(await ask(v, event, payload)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await t.app.db.chatMessage.findUniqueOrThrow({ where: { id: message.id } })).deletedAt).toBeNull();
  });

  it('a member of another brand has no say in this brand’s show: every host and moderator event is FORBIDDEN', async () => {
    const otherOwner = await t.app.db.user.findUniqueOrThrow({ where: { email: 'brand2@demo.live' }, select: { id: true, name: true } });
    const [author] = await createBuyers(t, 1, 'iso');
    const outsider = await t.connect(otherOwner);
    const w = await t.connect(author);
    await Promise.all([joined(outsider), joined(w)]);
    const message = await say(w, 'a message the other brand would like gone');
    const { productId } = await t.app.db.showProduct.findFirstOrThrow({ where: { showId }, select: { productId: true } });
    const { id: variantId } = await t.app.db.productVariant.findFirstOrThrow({ where: { productId }, select: { id: true } });
    for (const [event, payload] of [
      ['chat:delete', { showId, messageId: message.id }],
      ['chat:ban', { showId, userId: author!.id }],
      ['chat:pin', { showId, messageId: message.id }],
      ['chat:slowMode', { showId, seconds: 30 }],
      ['show:goLive', { showId }],
      ['show:end', { showId }],
      ['product:pin', { showId, productId }],
      ['product:unpin', { showId }],
      ['deal:start', { showId, variantId, priceMinor: 1, durationSeconds: 60 }],
      ['deal:end', { showId }],
    ] as const) {
      expect(await ask(outsider, event, payload), event).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await t.app.db.chatMessage.findUniqueOrThrow({ where: { id: message.id } })).deletedAt).toBeNull();
    expect(await t.app.db.showBan.count({ where: { showId, userId: author!.id } })).toBe(0);
  });

  it('lets the host delete a message for everyone and pin another; a brand moderator can ban, which removes the user’s messages and silences them with BANNED', async () => {
    const [troll, fan] = await createBuyers(t, 2, 'troll');
    const hostSocket = await t.connect(host);
    const modSocket = await t.connect(brandOwner);
    const trollSocket = await t.connect(troll);
    const fanSocket = await t.connect(fan);
    expect((await joined(modSocket)).role).toBe('moderator');
    await Promise.all([joined(hostSocket), joined(trollSocket), joined(fanSocket)]);
    const bad = await say(trollSocket, 'buy fake stuff at scam.example');
    const good = await say(fanSocket, 'Love this show!');

    const deleted = nextEvent(fanSocket, 'chat:deleted');
    expect(await ask(hostSocket, 'chat:delete', { showId, messageId: bad.id })).toEqual({ ok: true });
    expect(await deleted).toMatchObject({ messageIds: [bad.id] });

    const pinned = nextEvent(trollSocket, 'chat:pinned');
    expect(await ask(hostSocket, 'chat:pin', { showId, messageId: good.id })).toMatchObject({ ok: true, message: { id: good.id } });
    expect(await pinned).toMatchObject({ message: { id: good.id } });
    expect((await joined(await t.connect())).pinnedMessage?.id).toBe(good.id);

    const second = await say(trollSocket, 'again');
    const ban = await ask(modSocket, 'chat:ban', { showId, userId: troll!.id });
    expect(ban).toEqual({ ok: true, removedMessageIds: [second.id] });
    expect(await ask(trollSocket, 'chat:send', { showId, text: 'let me back' })).toMatchObject({ ok: false, error: { code: 'BANNED' } });
    expect(await ask(modSocket, 'chat:ban', { showId, userId: host.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('applies slow mode to viewers (RATE_LIMITED with the wait) but not to the host', async () => {
    const [viewer] = await createBuyers(t, 1, 'slow');
    const hostSocket = await t.connect(host);
    const v = await t.connect(viewer);
    await Promise.all([joined(hostSocket), joined(v)]);
    const announced = nextEvent(v, 'chat:slowMode');
    expect(await ask(hostSocket, 'chat:slowMode', { showId, seconds: 30 })).toEqual({ ok: true, seconds: 30 });
    expect(await announced).toMatchObject({ seconds: 30 });
    await say(v, 'first');
    const refused = await ask(v, 'chat:send', { showId, text: 'second' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/slow mode/i) } });
    await say(hostSocket, 'host one');
    await say(hostSocket, 'host two');
    expect(await ask(hostSocket, 'chat:slowMode', { showId, seconds: 0 })).toMatchObject({ ok: true });
  });

  it('aggregates a storm of reactions into a few small broadcasts with the total', async () => {
    const watcher = await t.connect();
    const tappers = await Promise.all(Array.from({ length: 5 }, () => t.connect()));
    await Promise.all([watcher, ...tappers].map(joined));
    let total = 0;
    let broadcasts = 0;
    watcher.on('reactions:burst', (e) => {
      broadcasts++;
      total += e.counts.heart ?? 0;
    });
    await Promise.all(
      tappers.flatMap((s) => Array.from({ length: 10 }, () => ask(s, 'reaction:send', { showId, kind: 'heart', count: 2 }))),
    );
    for (let i = 0; i < 100 && total < 100; i++) await new Promise((r) => setTimeout(r, 20));
    expect(total).toBe(100);
    expect(broadcasts).toBeLessThan(10);
  });

  it('refuses an oversized frame by closing only that connection; others and the server carry on', async () => {
    const [big] = await createBuyers(t, 1, 'big');
    const abuser = await t.connect(big);
    const bystander = await t.connect();
    await Promise.all([joined(abuser), joined(bystander)]);
    const closed = new Promise<string>((resolve) => abuser.once('disconnect', resolve));
    abuser.emit('chat:send', { showId, text: 'x'.repeat(200_000) }, () => undefined);
    expect(await closed).toBe('transport close');
    expect(await ask(bystander, 'show:join', { showId })).toMatchObject({ ok: true });
    const back = await t.connect(big);
    await joined(back);
    expect(await ask(back, 'chat:send', { showId, text: 'x'.repeat(1500) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
