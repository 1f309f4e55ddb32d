import { DEMO_SHOW_ID } from '../../server/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerClock } from '../../app/_lib/server-clock';
import { OverlaySchedule } from '../../app/_lib/overlay-schedule';
import type { PlayoutClock } from '../../app/_lib/playout-clock';
import { ask, joinShow, nextEvent, startTestApp, type TestApp, type TestSocket } from '../support/app';

// Issue 16 item 4 against the real server: broadcasts tied to the host's words carry the server moment
// they happened, the clock a page keeps is synced over the real socket, and a viewer whose picture lags
// applies the pin no earlier than the moment of the pin on its own playout.
let t: TestApp;
let productId: string;
let variantId: string;
let priceMinor: number;
const showId = DEMO_SHOW_ID;

beforeAll(async () => {
  t = await startTestApp();
  const show = await t.app.db.show.findUniqueOrThrow({
    where: { id: showId },
    select: { lineup: { select: { productId: true }, orderBy: { position: 'asc' }, take: 1 } },
  });
  productId = show.lineup[0]!.productId;
  const variant = await t.app.db.productVariant.findFirstOrThrow({ where: { productId }, select: { id: true, priceMinor: true } });
  variantId = variant.id;
  priceMinor = variant.priceMinor;
});

afterAll(async () => {
  await t?.stop();
});

const user = (email: string) => t.app.db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true } });

async function liveHost(): Promise<TestSocket> {
  const host = await t.connect(await user('host@demo.live'));
  await joinShow(host, showId);
  const { status } = await t.app.db.show.findUniqueOrThrow({ where: { id: showId }, select: { status: true } });
  if (status !== 'LIVE') expect(await ask(host, 'show:goLive', { showId })).toMatchObject({ ok: true });
  return host;
}

/** The page's clock, fed through the real socket the way show-socket.ts feeds it. */
async function syncedClock(socket: TestSocket, samples = 5): Promise<ServerClock> {
  const clock = new ServerClock();
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    const answer = await ask(socket, 'time:sync', {});
    if (answer.ok) clock.addSample(t0, answer.serverNow, performance.now());
  }
  return clock;
}

describe('latency-fair overlays', () => {
  it('time:sync answers the server epoch ms, and the synced clock agrees with the server within the round trip', async () => {
    const socket = await t.connect();
    const before = Date.now();
    const answer = await ask(socket, 'time:sync', {});
    expect(answer).toEqual({ ok: true, serverNow: expect.any(Number) });
    if (!answer.ok) return;
    expect(answer.serverNow).toBeGreaterThanOrEqual(before);
    expect(answer.serverNow).toBeLessThanOrEqual(Date.now());
    // The server and this test share a machine: the estimate is the server's clock, off by less than a round trip.
    const clock = await syncedClock(socket);
    expect(clock.synced).toBe(true);
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1_000);
  });

  it('a pin, an unpin and a deal carry the server moment they happened, and a late joiner gets the pin and deal moments', async () => {
    const host = await liveHost();
    const viewer = await t.connect(await user('viewer@demo.live'));
    await joinShow(viewer, showId);

    const before = Date.now();
    const pinned = nextEvent(viewer, 'product:pinned', (e) => e.product.id === productId);
    expect(await ask(host, 'product:pin', { showId, productId })).toMatchObject({ ok: true });
    const pin = await pinned;
    expect(pin.at).toBeGreaterThanOrEqual(before);
    expect(pin.at).toBeLessThanOrEqual(Date.now());
    // The stored pin (what a replay reads) and the broadcast name the same instant.
    const stored = await t.app.db.pinEvent.findFirstOrThrow({ where: { showId, action: 'PIN' }, orderBy: { createdAt: 'desc' } });
    const { startedAt } = await t.app.db.show.findUniqueOrThrow({ where: { id: showId }, select: { startedAt: true } });
    expect(startedAt!.getTime() + stored.offsetMs).toBe(pin.at);

    const dealStarted = nextEvent(viewer, 'deal:started');
    const started = await ask(host, 'deal:start', { showId, variantId, priceMinor: priceMinor - 1, durationSeconds: 60 });
    expect(started.ok).toBe(true);
    const deal = await dealStarted;
    expect(deal.at).toBe(Date.parse(deal.deal.startedAt));

    const late = await joinShow(await t.connect(await user('viewer2@demo.live')), showId);
    expect(late.pinnedAt).toBe(pin.at);
    expect(late.deal?.startedAt).toBe(deal.deal.startedAt);

    const dealEnded = nextEvent(viewer, 'deal:ended', (e) => e.dealId === deal.deal.id);
    const endAsked = Date.now();
    expect(await ask(host, 'deal:end', { showId })).toMatchObject({ ok: true });
    expect((await dealEnded).at).toBeGreaterThanOrEqual(endAsked);

    const unpinned = nextEvent(viewer, 'product:unpinned');
    const unpinAsked = Date.now();
    expect(await ask(host, 'product:unpin', { showId })).toMatchObject({ ok: true });
    expect((await unpinned).at).toBeGreaterThanOrEqual(unpinAsked);
  });

  it('a viewer whose playout lags 3 s holds the pin until its playout passes the pin moment, then shows it', async () => {
    const LAG_MS = 3_000;
    const host = await liveHost();
    const viewer = await t.connect(await user('viewer@demo.live'));
    await joinShow(viewer, showId);
    const clock = await syncedClock(viewer);
    // An HLS-like path: the frame on screen is LAG_MS behind the server's now.
    const lagging: PlayoutClock = { path: 'hls', playoutServerMs: () => clock.now() - LAG_MS, subscribe: () => () => undefined };
    const schedule = new OverlaySchedule(lagging);
    let shown: { at: number; playout: number } | null = null;
    let heldOnArrival = false;
    viewer.on('product:pinned', (event) => {
      schedule.route('product:pinned', event, () => (shown = { at: event.at, playout: lagging.playoutServerMs()! }));
      heldOnArrival = shown === null && schedule.held === 1;
    });

    const arrived = nextEvent(viewer, 'product:pinned', (e) => e.product.id === productId);
    expect(await ask(host, 'product:pin', { showId, productId })).toMatchObject({ ok: true });
    const pin = await arrived;
    expect(heldOnArrival).toBe(true);
    await expect.poll(() => shown, { timeout: 20_000 }).not.toBeNull();
    // No earlier than the pin moment on the viewer's own playout clock.
    expect(shown!.at).toBe(pin.at);
    expect(shown!.playout).toBeGreaterThanOrEqual(pin.at);
    schedule.close();
  });
});
