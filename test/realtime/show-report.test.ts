import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { getShowReport, showReportCsv } from '../../server/domain/analytics';
import { parseCsv } from '../../server/domain/csv';
import { ask, createBuyers, joinShow, startTestApp, type TestApp } from '../support/app';

// A real show driven over sockets (joins, a leave, card taps, a bag add, a purchase, chat and
// reactions), then ended: its report and CSV, read at once, hold every one of them.
let t: TestApp;
const showId = DEMO_SHOW_ID;
let host: { id: string; name: string };
let productId: string;
let variantId: string;

beforeAll(async () => {
  t = await startTestApp();
  const show = await t.app.db.show.findUniqueOrThrow({
    where: { id: showId },
    select: { hostId: true, lineup: { select: { productId: true }, orderBy: { position: 'asc' }, take: 1 } },
  });
  host = await t.app.db.user.findUniqueOrThrow({ where: { id: show.hostId }, select: { id: true, name: true } });
  productId = show.lineup[0]!.productId;
  variantId = (await t.app.db.productVariant.findFirstOrThrow({ where: { productId, stock: { gt: 2 } }, orderBy: { priceMinor: 'asc' } }))
    .id;
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

describe('the post-show report of a show driven over sockets', () => {
  it('counts viewers, the funnel, sales, chat and reactions, and the CSV says the same', async () => {
    const studio = await t.connect(host);
    await joinShow(studio, showId);
    expect(await ask(studio, 'show:goLive', { showId })).toMatchObject({ ok: true });
    expect(await ask(studio, 'product:pin', { showId, productId })).toMatchObject({ ok: true });

    const [buyer, bagger] = await createBuyers(t, 2, 'report');
    const buying = await t.connect(buyer);
    const bagging = await t.connect(bagger);
    const anonymous = await t.connect();
    for (const socket of [buying, bagging, anonymous]) await joinShow(socket, showId);

    // The anonymous viewer opens the card twice (one person, one tap) and leaves before the end.
    expect(await ask(anonymous, 'product:tap', { showId, productId })).toEqual({ ok: true });
    expect(await ask(anonymous, 'product:tap', { showId, productId })).toEqual({ ok: true });
    expect(await ask(bagging, 'bag:set', { showId, variantId, quantity: 1 })).toMatchObject({ ok: true });
    const bought = await ask(buying, 'order:buy', { showId, variantId, quantity: 1, idempotencyKey: randomUUID() });
    if (!bought.ok) throw new Error(bought.error.code);
    expect(await ask(buying, 'chat:send', { showId, text: 'love it' })).toMatchObject({ ok: true });
    expect(await ask(anonymous, 'reaction:send', { showId, kind: 'heart', count: 4 })).toEqual({ ok: true });
    // Reactions reach the writer with the next burst (a quarter second): the host hears the same burst.
    await new Promise<void>((resolve) => studio.once('reactions:burst', () => resolve()));
    expect(await ask(anonymous, 'show:leave', { showId })).toEqual({ ok: true });

    expect(await ask(studio, 'show:end', { showId })).toMatchObject({ ok: true });
    const report = await getShowReport(t.app.db, { userId: host.id, name: host.name }, showId);

    expect(report.audience).toMatchObject({ peak: 3, unique: 3 });
    expect(report.audience.averageWatchMs).toBeGreaterThan(0);
    expect(report.totals).toMatchObject({ orders: 1, gmvMinor: bought.order.totalMinor, chatMessages: 1, reactions: 4, refunds: 0 });
    const row = report.funnel.find((f) => f.productId === productId);
    // Interested: the anonymous tapper, the bagger and the one-tap buyer; one of the three bought.
    expect(row).toMatchObject({ tapped: 3, addedToBag: 1, bought: 1, units: 1 });
    expect(row!.conversion).toBeCloseTo(1 / 3);
    expect(row!.pinnedMs).toBeGreaterThan(0);
    expect(report.timeline?.moments[0]).toMatchObject({ kind: 'pin' });
    expect(report.timeline!.orders.reduce((a, b) => a + b, 0)).toBe(1);

    const csv = parseCsv(showReportCsv(report));
    expect(csv).toContainEqual(['summary', 'unique_viewers', '3']);
    expect(csv).toContainEqual(['summary', 'gmv_minor', String(bought.order.totalMinor)]);
    const product = csv.find((r) => r[0] === 'product' && r[1] === productId);
    expect(product?.slice(4, 8)).toEqual(['3', '1', '1', '1']);
  });

  it('a signed-in stranger learns nothing of the report: SHOW_NOT_FOUND', async () => {
    const [stranger] = await createBuyers(t, 1, 'stranger');
    await expect(getShowReport(t.app.db, { userId: stranger!.id, name: stranger!.name }, showId)).rejects.toMatchObject({
      reason: 'SHOW_NOT_FOUND',
    });
  });
});
