import { randomUUID } from 'node:crypto';
import { connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { ask, createBuyers, joinShow, startTestApp, type TestApp, type TestBuyer, type TestSocket } from '../support/app';

// Rehearsals and private shows over the real socket, server and PostgreSQL: who the show admits,
// what a rehearsal refuses, and that leaving it puts the show back as it was scheduled.
let t: TestApp;
let productId: string;
let variantId: string;
let hostSocket: TestSocket;
let buyer: TestBuyer;

beforeAll(async () => {
  t = await startTestApp();
  const show = await t.app.db.show.findUniqueOrThrow({
    where: { id: DEMO_SHOW_ID },
    select: { hostId: true, lineup: { select: { productId: true }, orderBy: { position: 'asc' }, take: 1 } },
  });
  await t.app.db.show.update({ where: { id: DEMO_SHOW_ID }, data: { hostInviteStatus: 'ACCEPTED' } });
  productId = show.lineup[0]!.productId;
  variantId = (await t.app.db.productVariant.findFirstOrThrow({ where: { productId }, orderBy: { priceMinor: 'asc' } })).id;
  hostSocket = await t.connect(await t.app.db.user.findUniqueOrThrow({ where: { id: show.hostId } }));
  buyer = (await createBuyers(t, 1, 'rehearsal'))[0]!;
});

afterAll(async () => {
  await t?.stop();
});

describe('a rehearsal', () => {
  it('admits only staff, pins without recording, refuses orders with REHEARSAL_NO_ORDERS, announces nothing, and leaving it restores the scheduled show', async () => {
    await joinShow(hostSocket, DEMO_SHOW_ID);
    // A viewer who had the (scheduled) show's page open before the rehearsal started.
    const early = await t.connect();
    await joinShow(early, DEMO_SHOW_ID);
    const earlyHeard: string[] = [];
    early.onAny((event: string) => earlyHeard.push(event));
    const jobsBefore = await t.app.db.job.count();
    expect(await ask(hostSocket, 'show:rehearse', { showId: DEMO_SHOW_ID })).toMatchObject({ ok: true });

    // The rule: during a rehearsal the show is still SCHEDULED and only its staff may join or watch.
    const anonymous = await t.connect();
    expect(await ask(anonymous, 'show:join', { showId: DEMO_SHOW_ID })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', reason: 'REHEARSAL_STAFF_ONLY' },
    });
    expect(await ask(anonymous, 'media:watch', { showId: DEMO_SHOW_ID, rtpCapabilities: { codecs: [] } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', reason: 'REHEARSAL_STAFF_ONLY' },
    });
    const shopper = await t.connect(buyer);
    expect(await ask(shopper, 'show:join', { showId: DEMO_SHOW_ID })).toMatchObject({
      ok: false,
      error: { reason: 'REHEARSAL_STAFF_ONLY' },
    });
    const owner = await t.app.db.brandMember.findFirstOrThrow({
      where: { brand: { shows: { some: { id: DEMO_SHOW_ID } } } },
      select: { user: true },
    });
    const ownerSocket = await t.connect(owner.user);
    await joinShow(ownerSocket, DEMO_SHOW_ID);

    // Pins work, but leave no pin moment for a replay.
    expect(await ask(hostSocket, 'product:pin', { showId: DEMO_SHOW_ID, productId })).toMatchObject({ ok: true });
    expect(await t.app.db.pinEvent.count({ where: { showId: DEMO_SHOW_ID } })).toBe(0);
    // Deals can be tried too, without an entry in the show's audit log.
    const { priceMinor } = await t.app.db.productVariant.findUniqueOrThrow({ where: { id: variantId } });
    expect(
      await ask(hostSocket, 'deal:start', { showId: DEMO_SHOW_ID, variantId, priceMinor: priceMinor - 1, durationSeconds: 60 }),
    ).toMatchObject({
      ok: true,
    });
    expect(await t.app.db.showAuditEntry.count({ where: { showId: DEMO_SHOW_ID } })).toBe(0);
    expect(await ask(hostSocket, 'chat:send', { showId: DEMO_SHOW_ID, text: 'mic check' })).toMatchObject({ ok: true });

    // Nothing can be bought (not even by the staff who can see it), and nothing is charged.
    expect(
      await ask(ownerSocket, 'order:buy', { showId: DEMO_SHOW_ID, variantId, quantity: 1, idempotencyKey: randomUUID() }),
    ).toMatchObject({
      ok: false,
      error: { code: 'SHOW_NOT_LIVE', reason: 'REHEARSAL_NO_ORDERS' },
    });
    expect(await t.app.db.order.count({ where: { showId: DEMO_SHOW_ID } })).toBe(0);
    expect(await t.app.db.payment.count()).toBe(0);
    // No "live now" notification, email or webhook was queued.
    expect(await t.app.db.job.count()).toBe(jobsBefore);

    // The early viewer heard nothing of the rehearsal, not even its chat; a round trip on its own socket
    // makes sure anything sent to it before has arrived.
    expect(await ask(early, 'time:sync', {})).toMatchObject({ ok: true });
    expect(earlyHeard.filter((event) => /^(product|deal|chat):/.test(event))).toEqual([]);
    // When the rehearsal ends, it is back in the show's broadcasts.
    const backInTheShow = new Promise<void>((resolve) => early.once('product:unpinned', () => resolve()));
    expect(await ask(hostSocket, 'show:endRehearsal', { showId: DEMO_SHOW_ID })).toMatchObject({ ok: true });
    await backInTheShow;
    const after = await t.app.db.show.findUniqueOrThrow({ where: { id: DEMO_SHOW_ID } });
    expect(after).toMatchObject({
      status: 'SCHEDULED',
      rehearsalStartedAt: null,
      pinnedProductId: null,
      startedAt: null,
      peakViewers: 0,
      uniqueViewers: 0,
    });
    expect(await t.app.db.chatMessage.count({ where: { showId: DEMO_SHOW_ID } })).toBe(0);
    expect(await t.app.db.flashDeal.count({ where: { showId: DEMO_SHOW_ID } })).toBe(0);
    await joinShow(anonymous, DEMO_SHOW_ID);
  });

  it('a viewer who dropped just before a rehearsal and recovers during it still waits outside; a co-host stays and is told; staff joining see rehearsing', async () => {
    await joinShow(hostSocket, DEMO_SHOW_ID);
    const coHost = await t.app.db.user.create({ data: { email: `cohost-${Date.now()}@hosts.example`, name: 'Co Host' } });
    await t.app.db.showHostShare.create({ data: { showId: DEMO_SHOW_ID, hostId: coHost.id, shareBps: 0 } });
    const coHostSocket = await t.connect(coHost);
    await joinShow(coHostSocket, DEMO_SHOW_ID);
    const dropper = await t.connect(undefined, { reconnection: true });
    await joinShow(dropper, DEMO_SHOW_ID);
    const heard: { event: string; text?: string }[] = [];
    dropper.onAny((event: string, payload: { message?: { text?: string } }) => heard.push({ event, text: payload?.message?.text }));
    // Recovery resumes from the last broadcast the client saw, so it must have seen one.
    expect(await ask(hostSocket, 'chat:send', { showId: DEMO_SHOW_ID, text: 'before' })).toMatchObject({ ok: true });
    await expect.poll(() => heard.some((h) => h.text === 'before')).toBe(true);

    const disconnected = new Promise((resolve) => dropper.once('disconnect', resolve));
    const reconnected = disconnected.then(() => new Promise<void>((resolve) => dropper.once('connect', () => resolve())));
    (dropper.io.engine as unknown as { close(): void }).close();
    await disconnected;
    const told = new Promise((resolve) => coHostSocket.once('show:rehearsal', resolve));
    expect(await ask(hostSocket, 'show:rehearse', { showId: DEMO_SHOW_ID })).toMatchObject({ ok: true });
    expect(await told).toMatchObject({ showId: DEMO_SHOW_ID, rehearsing: true });
    const coHostPin = new Promise((resolve) => coHostSocket.once('product:pinned', resolve));
    expect(await ask(hostSocket, 'product:pin', { showId: DEMO_SHOW_ID, productId })).toMatchObject({ ok: true });
    expect(await ask(hostSocket, 'chat:send', { showId: DEMO_SHOW_ID, text: 'while away' })).toMatchObject({ ok: true });
    await coHostPin;

    await reconnected;
    expect(dropper.recovered).toBe(true);
    expect(await ask(hostSocket, 'chat:send', { showId: DEMO_SHOW_ID, text: 'after it came back' })).toMatchObject({ ok: true });
    // A round trip on its own socket: anything sent to it before has arrived.
    expect(await ask(dropper, 'time:sync', {})).toMatchObject({ ok: true });
    expect(heard.filter((h) => /^(product|chat|show):/.test(h.event) && h.text !== 'before')).toEqual([]);

    // The staff who open the page now are told it is a rehearsal (their page plays the stream under a banner).
    const owner = await t.app.db.brandMember.findFirstOrThrow({
      where: { brand: { shows: { some: { id: DEMO_SHOW_ID } } } },
      select: { user: true },
    });
    expect((await joinShow(await t.connect(owner.user), DEMO_SHOW_ID)).rehearsing).toBe(true);

    const back = new Promise((resolve) => dropper.once('product:unpinned', resolve));
    expect(await ask(hostSocket, 'show:endRehearsal', { showId: DEMO_SHOW_ID })).toMatchObject({ ok: true });
    await back;
    await t.app.db.showHostShare.deleteMany({ where: { showId: DEMO_SHOW_ID } });
  });

  it('only the host may start one, and only on a scheduled show', async () => {
    const shopper = await t.connect(buyer);
    expect(await ask(shopper, 'show:rehearse', { showId: DEMO_SHOW_ID })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', reason: 'HOST_ONLY' },
    });
  });
});

describe('an invite-only show', () => {
  it('refuses an uninvited join with FORBIDDEN and admits the socket that carries a personal join link’s cookie', async () => {
    await t.app.db.show.update({ where: { id: DEMO_SHOW_ID }, data: { visibility: 'INVITE_ONLY' } });
    const invite = await t.app.db.showInvite.create({
      data: { showId: DEMO_SHOW_ID, email: 'guest@invited.example', token: randomUUID() },
    });
    const stranger = await t.connect();
    expect(await ask(stranger, 'show:join', { showId: DEMO_SHOW_ID })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', reason: 'SHOW_PRIVATE' },
    });
    const guest: TestSocket = connect(t.app.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: `show_invite_${DEMO_SHOW_ID}=${invite.token}` },
      reconnection: false,
      forceNew: true,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        guest.once('connect', resolve);
        guest.once('connect_error', reject);
      });
      await joinShow(guest, DEMO_SHOW_ID);
    } finally {
      guest.disconnect();
      await t.app.db.show.update({ where: { id: DEMO_SHOW_ID }, data: { visibility: 'PUBLIC' } });
    }
  });
});
