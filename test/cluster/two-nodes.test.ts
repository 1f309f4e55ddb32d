import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { setVariantStock } from '../../server/domain/catalog';
import { ask, createBuyers, joinShow, nextEvent, startTestApp, type TestApp, type TestBuyer, type TestSocket } from '../support/app';
import { startAppNode, type AppNode } from '../support/app-node';
import { startTestRedis, type TestRedis } from '../support/redis';

// Two app nodes on one PostgreSQL and one Redis, as behind a load balancer: node A in
// this process (its database is the test's), node B in a process of its own, so that
// nothing process-wide (stock gate, taps, timers) is shared except through Redis.
let redis: TestRedis;
let a: TestApp;
let b: AppNode;
let showId: string;
let variantId: string;
let productId: string;
let host: { id: string; name: string };
let hostSocket: TestSocket;
let buyerA: TestBuyer;
let buyerB: TestBuyer;
let viewerA: TestSocket;
let viewerB: TestSocket;

type Seen = { event: string; seq: number; payload: Record<string, unknown> };

/** Every sequenced broadcast of the show the socket receives, in arrival order. */
function record(socket: TestSocket): Seen[] {
  const seen: Seen[] = [];
  socket.onAny((event: string, payload: unknown) => {
    const p = payload as Record<string, unknown> | undefined;
    if (p && p.showId === showId && typeof p.seq === 'number') seen.push({ event, seq: p.seq, payload: p });
  });
  return seen;
}

const codes = (results: { ok: boolean; error?: { code: string } }[]) => {
  const tally: Record<string, number> = {};
  for (const r of results) tally[r.ok ? 'ok' : r.error!.code] = (tally[r.ok ? 'ok' : r.error!.code] ?? 0) + 1;
  return tally;
};

beforeAll(async () => {
  redis = await startTestRedis();
  a = await startTestApp({ REDIS_URL: redis.url });
  b = await startAppNode({ DATABASE_URL: a.databaseUrl, REDIS_URL: redis.url });
  const show = await a.app.db.show.findFirstOrThrow({
    where: { id: DEMO_SHOW_ID },
    select: { id: true, hostId: true, lineup: { select: { productId: true }, orderBy: { position: 'asc' }, take: 1 } },
  });
  showId = show.id;
  productId = show.lineup[0]!.productId;
  variantId = (await a.app.db.productVariant.findFirstOrThrow({ where: { productId }, orderBy: { priceMinor: 'asc' } })).id;
  host = await a.app.db.user.findUniqueOrThrow({ where: { id: show.hostId } });
  hostSocket = await a.connect(host);
  await joinShow(hostSocket, showId);
  expect(await ask(hostSocket, 'show:goLive', { showId })).toMatchObject({ ok: true });
  [buyerA, buyerB] = (await createBuyers(a, 2, 'seq')) as [TestBuyer, TestBuyer];
  viewerA = await a.connect(buyerA);
  viewerB = await b.connect(buyerB);
  await joinShow(viewerA, showId);
  await joinShow(viewerB, showId);
});

// Nodes a test starts besides A and B: killed here too, in case a test gave up waiting on them.
const extraNodes: AppNode[] = [];

afterAll(async () => {
  await Promise.all(extraNodes.map((node) => node.kill()));
  await b?.stop();
  await a?.stop();
  await redis?.stop();
});

describe('two nodes on one Redis', () => {
  it('a host on node A and viewers on node B see the same pins, chat, stock and deals under one sequence', async () => {
    // The restock reaches viewers from the outbox; it is heard before the numbered actions start.
    const restocked = nextEvent(viewerB, 'stock:changed', (e) => e.variantId === variantId && e.stock === 20);
    await setVariantStock(a.app.db, variantId, 20);
    await restocked;
    const onA = record(viewerA);
    const onB = record(viewerB);
    const pinned = nextEvent(viewerB, 'product:pinned');
    expect(await ask(hostSocket, 'product:pin', { showId, productId })).toMatchObject({ ok: true });
    const firstSeq = (await pinned).seq;

    const chat = nextEvent(viewerA, 'chat:message', (e) => e.message.text === 'hello from node B');
    expect(await ask(viewerB, 'chat:send', { showId, text: 'hello from node B' })).toMatchObject({ ok: true });
    await chat;

    const stock = nextEvent(viewerA, 'stock:changed', (e) => e.variantId === variantId && e.stock === 19);
    expect(await ask(viewerB, 'order:buy', { showId, variantId, quantity: 1, idempotencyKey: randomUUID() })).toMatchObject({ ok: true });
    await stock;

    const started = nextEvent(viewerB, 'deal:started');
    const deal = await ask(hostSocket, 'deal:start', { showId, variantId, priceMinor: 100, durationSeconds: 600 });
    if (!deal.ok) throw new Error(deal.error.code);
    expect((await started).deal.id).toBe(deal.deal.id);
    const ended = nextEvent(viewerB, 'deal:ended', (e) => e.dealId === deal.deal.id);
    expect(await ask(hostSocket, 'deal:end', { showId })).toMatchObject({ ok: true });
    await ended;

    // A last broadcast from node B, awaited on both: everything before it has arrived.
    const lastOnA = nextEvent(viewerA, 'chat:message', (e) => e.message.text === 'last word');
    const lastOnB = nextEvent(viewerB, 'chat:message', (e) => e.message.text === 'last word');
    expect(await ask(viewerB, 'chat:send', { showId, text: 'last word' })).toMatchObject({ ok: true });
    await Promise.all([lastOnA, lastOnB]);

    // Both viewers hold the same numbered events, every number from the pin on was delivered, none twice.
    const numbered = (seen: Seen[]) => seen.filter((s) => s.seq >= firstSeq).map((s) => `${s.seq} ${s.event}`);
    expect(numbered(onA).sort()).toEqual(numbered(onB).sort());
    const seqs = onB.filter((s) => s.seq >= firstSeq).map((s) => s.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(Math.max(...seqs) - firstSeq + 1).toBe(seqs.length);
    // And the actions are numbered in the order they were made, whichever node made them.
    const order = onB
      .filter((s) => s.seq >= firstSeq)
      .filter((s) => ['product:pinned', 'chat:message', 'stock:changed', 'deal:started', 'deal:ended'].includes(s.event))
      .sort((x, y) => x.seq - y.seq)
      .map((s) => s.event);
    expect(order).toEqual(['product:pinned', 'chat:message', 'stock:changed', 'deal:started', 'deal:ended', 'chat:message']);
  });

  it('viewer counts add up across nodes', async () => {
    // Counted so far: the two signed-in viewers (the host is not counted).
    const anonOnA = await Promise.all([1, 2, 3].map(() => a.connect()));
    const anonOnB = await Promise.all([1, 2].map(() => b.connect()));
    const seven = [nextEvent(viewerA, 'viewers:count', (e) => e.count === 7), nextEvent(viewerB, 'viewers:count', (e) => e.count === 7)];
    await Promise.all([...anonOnA, ...anonOnB].map((s) => joinShow(s, showId)));
    await Promise.all(seven);
    const two = nextEvent(viewerA, 'viewers:count', (e) => e.count === 2);
    for (const s of [...anonOnA, ...anonOnB]) s.disconnect();
    await two;
  });

  it('one person chatting through two nodes spends one budget: a burst of ten through both is cut at five', async () => {
    // A buyer of its own with a full budget of five: buyer B's chat in the first test may not have refilled yet.
    const [chatter] = (await createBuyers(a, 1, 'burst')) as [TestBuyer];
    const onB = await b.connect(chatter);
    const secondTab = await a.connect(chatter);
    try {
      await Promise.all([joinShow(onB, showId), joinShow(secondTab, showId)]);
      // Five through node B and five through node A at once: separate budgets per node would let all ten through.
      const started = performance.now();
      const sent = await Promise.all([
        ...[1, 2, 3, 4, 5].map((i) => ask(onB, 'chat:send', { showId, text: `burst ${i}` })),
        ...[6, 7, 8, 9, 10].map((i) => ask(secondTab, 'chat:send', { showId, text: `burst ${i}` })),
      ]);
      // The budget refills a message a second: on a busy machine the burst can take seconds to arrive, and each
      // whole second lets one more through. Separate budgets per node would let all ten through at once.
      const refills = Math.ceil((performance.now() - started) / 1000);
      const refused = sent.filter((r) => !r.ok);
      expect(sent.length - refused.length).toBeGreaterThanOrEqual(5);
      expect(sent.length - refused.length).toBeLessThanOrEqual(Math.min(5 + refills, 9));
      for (const r of refused) expect(r).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', reason: 'CHAT_TOO_FAST' } });
    } finally {
      onB.disconnect();
      secondTab.disconnect();
    }
  });

  it('a node that dies stops being counted, and the deal timer it held fires once, on another node', async () => {
    const c = await startAppNode({ DATABASE_URL: a.databaseUrl, REDIS_URL: redis.url });
    extraNodes.push(c);
    const endsOnA = record(viewerA);
    const endsOnB = record(viewerB);
    let dealId: string;
    try {
      const four = nextEvent(viewerA, 'viewers:count', (e) => e.count === 4);
      await Promise.all([c.connect(), c.connect()].map(async (s) => joinShow(await s, showId)));
      await four;
      const hostOnC = await c.connect(host);
      await joinShow(hostOnC, showId);
      const deal = await ask(hostOnC, 'deal:start', { showId, variantId, priceMinor: 100, durationSeconds: 10 });
      if (!deal.ok) throw new Error(deal.error.code);
      dealId = deal.deal.id;
    } finally {
      // Node C dies without a word, holding two viewers and the deal's timer.
      await c.kill();
    }
    // Its share of the count expires and the sum drops back; the others' sweeps find the deal's end.
    await Promise.all([
      nextEvent(viewerB, 'viewers:count', (e) => e.count === 2),
      nextEvent(viewerA, 'deal:ended', (e) => e.dealId === dealId),
      nextEvent(viewerB, 'deal:ended', (e) => e.dealId === dealId),
    ]);
    // Long enough for every surviving node's sweep (each second) to have looked again: a join's count takes over a second.
    const latecomer = await b.connect();
    const counted = nextEvent(viewerA, 'viewers:count', (e) => e.count === 3);
    await joinShow(latecomer, showId);
    await counted;
    const ends = (seen: Seen[]) => seen.filter((e) => e.event === 'deal:ended' && e.payload.dealId === dealId).length;
    expect([ends(endsOnA), ends(endsOnB)]).toEqual([1, 1]);
    latecomer.disconnect();
  });

  it('a client that drops on node A and reconnects to node B recovers its rooms and the broadcasts it missed', async () => {
    const [roamer] = (await createBuyers(a, 1, 'roam')) as [TestBuyer];
    const socket = await a.connect(roamer, { reconnection: true });
    await joinShow(socket, showId);
    // Recovery resumes after the last broadcast the client received: it needs one.
    const before = nextEvent(socket, 'chat:message', (e) => e.message.text === 'before the drop');
    expect(await ask(hostSocket, 'chat:send', { showId, text: 'before the drop' })).toMatchObject({ ok: true });
    await before;
    const manager = socket.io as unknown as {
      uri: string;
      reconnectionDelay(ms: number): unknown;
      randomizationFactor(f: number): unknown;
    };
    // Time for node A to see the drop and store the session before the client is back.
    manager.reconnectionDelay(500);
    manager.randomizationFactor(0);
    const dropped = new Promise<void>((resolve) =>
      socket.once('disconnect', () => {
        // The balancer sends the reconnect elsewhere.
        manager.uri = b.url;
        resolve();
      }),
    );
    const missed = nextEvent(socket, 'chat:message', (e) => e.message.text === 'said while you were away');
    const back = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.io.engine.close();
    await dropped;
    expect(await ask(hostSocket, 'chat:send', { showId, text: 'said while you were away' })).toMatchObject({ ok: true });
    await back;
    expect(socket.recovered).toBe(true);
    await missed;
    // Its joined shows came back with it: node B lets it chat in the show without joining again.
    const heard = nextEvent(viewerA, 'chat:message', (e) => e.message.text === 'back, through node B');
    expect(await ask(socket, 'chat:send', { showId, text: 'back, through node B' })).toMatchObject({ ok: true });
    await heard;
    socket.disconnect();
  });

  it('500 buyers spread over both nodes on 50 units get exactly 50 orders, and a winner’s tap retried on the other node gets its order back', async () => {
    await setVariantStock(a.app.db, variantId, 50);
    const buyers = await createBuyers(a, 500, 'storm2');
    const nodes = [a, b] as const;
    // Connected and joined a hundred at a time: the storm is the buying, not 500 snapshots read at once on a busy machine.
    const sockets: TestSocket[] = [];
    for (let i = 0; i < buyers.length; i += 100) {
      const batch = await Promise.all(buyers.slice(i, i + 100).map((buyer, j) => nodes[(i + j) % 2]!.connect(buyer)));
      await Promise.all(batch.map((s) => joinShow(s, showId)));
      sockets.push(...batch);
    }
    const requests = buyers.map(() => ({ showId, variantId, quantity: 1, idempotencyKey: randomUUID() }));
    const results = await Promise.all(sockets.map((s, i) => ask(s, 'order:buy', requests[i])));
    expect(codes(results)).toEqual({ ok: 50, SOLD_OUT: 450 });
    expect(await a.app.db.order.count({ where: { buyerId: { in: buyers.map((x) => x.id) } } })).toBe(50);
    expect((await a.app.db.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stock).toBe(0);

    for (const s of sockets) s.disconnect();

    // A lost acknowledgement's retry lands on the other node while that node's stock gate has just
    // heard "none left" (a loser tapping again there a moment before): each winner still gets its order back.
    const winners = results.flatMap((r, i) => (r.ok ? [{ i, orderId: r.order.orderId }] : []));
    const losers = results.flatMap((r, i) => (r.ok ? [] : [i]));
    const retried = await Promise.all(
      winners.map(async ({ i }) => {
        const node = nodes[(i + 1) % 2]!;
        const loser = losers.pop()!;
        const [socket, other] = await Promise.all([node.connect(buyers[i]), node.connect(buyers[loser])]);
        await Promise.all([joinShow(socket, showId), joinShow(other, showId)]);
        const again = await ask(other, 'order:buy', { showId, variantId, quantity: 1, idempotencyKey: randomUUID() });
        expect(again).toMatchObject({ ok: false, error: { code: 'SOLD_OUT' } });
        const replay = await ask(socket, 'order:buy', requests[i]);
        socket.disconnect();
        other.disconnect();
        return replay;
      }),
    );
    expect(retried.map((r) => (r.ok ? { orderId: r.order.orderId, replayed: r.order.replayed } : r.error.code))).toEqual(
      winners.map(({ orderId }) => ({ orderId, replayed: true })),
    );
    expect(await a.app.db.order.count({ where: { buyerId: { in: buyers.map((x) => x.id) } } })).toBe(50);
  });

  it('without Redis a node keeps serving its own sockets and says degraded, and joins the others again when Redis is back', async () => {
    const health = async () => (await (await fetch(`${a.app.url}/api/health`)).json()) as { ok: boolean; redis?: { status: string } };
    expect(await health()).toMatchObject({ ok: true, redis: { status: 'ok' } });
    const port = redis.port;
    await redis.stop();
    await expect.poll(async () => (await health()).redis?.status, { timeout: 30_000 }).toBe('degraded');
    expect((await health()).ok).toBe(true);

    const local = nextEvent(viewerA, 'chat:message', (e) => e.message.text === 'Redis is down');
    expect(await ask(hostSocket, 'chat:send', { showId, text: 'Redis is down' })).toMatchObject({ ok: true });
    await local;

    redis = await startTestRedis(port);
    await expect.poll(async () => (await health()).redis?.status, { timeout: 30_000 }).toBe('ok');
    // Node B reconnects on its own schedule; a broadcast from A reaches B's viewer once both are back.
    await expect
      .poll(
        async () => {
          const text = `Redis is back ${randomUUID()}`;
          const heard = nextEvent(viewerB, 'chat:message', (e) => e.message.text === text);
          await ask(hostSocket, 'chat:send', { showId, text });
          return Promise.race([heard.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1_500))]);
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
  });
});
