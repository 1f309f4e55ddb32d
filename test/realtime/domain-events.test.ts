import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setApiVariantStock, updateApiProduct } from '../../server/api/products';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { BRAND_EVENT_TYPES, type BrandEventType } from '../../server/domain/events';
import { setVariantStock } from '../../server/domain/catalog';
import { updateProduct } from '../../server/domain/catalog';
import { exportCatalogCsv, importCatalogCsv } from '../../server/domain/catalog';
import { advanceOrder } from '../../server/domain/orders';
import { changeOrderAddress, requestReturn } from '../../server/domain/order-help';
import { openOrderConversation, replyAsBrand } from '../../server/domain/support';
import { cancelOrder } from '../../server/domain/payments';
import { TestPaymentProvider } from '../../server/domain/payments';
import { createShow } from '../../server/domain/shows';
import { endShow, goLive } from '../../server/domain/shows';
import { deleteRecording, finishRecording } from '../../server/domain/recordings';
import { LocalDiskStore } from '../../server/storage/local-disk-store';
import { demoActors, type DemoActors } from '../../server/domain/test-actors';
import { hideReview, submitReview } from '../../server/domain/reviews';
import { createCampaign, sendCampaignJob, setMarketingConsent } from '../../server/domain/campaigns';
import { createMailTransport } from '../../server/mail/transport';
import { silentLog, testEnv } from '../../server/jobs/test-support';
import { DEMO_BRAND_SLUG } from '../../server/db/seed';
import { ask, createBuyers, joinShow, startTestApp, type TestApp, type TestSocket } from '../support/app';

// Every documented webhook event, produced by the domain operation that causes
// it and recorded in the outbox (BrandEvent) with the change, whichever
// transport called the operation. Restocks also reach viewers' cards, from the
// outbox, through a real socket.
const PUBLIC_URL = 'http://localhost:3000';
const showId = DEMO_SHOW_ID;
let t: TestApp;
let actors: DemoActors;
let viewer: TestSocket;
const produced = new Map<string, string>();

/** The event types in docs/api-and-webhooks.md's events table. */
function documentedEventTypes(): string[] {
  const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/api-and-webhooks.md'), 'utf8');
  // The first column of the events table: | `order.created` | recorded by … |. The show audit log's
  // kinds table (its own section, further down) names audit entries, not webhook events.
  const webhooks = doc.slice(0, doc.indexOf('\n## Show audit log'));
  return [...webhooks.matchAll(/^\| `([a-z_]+\.[a-z_]+)` \|/gm)].map((m) => m[1]!);
}

/** Runs an operation and answers the outbox rows it recorded. */
async function recorded(scenario: string, action: () => Promise<unknown>): Promise<{ type: string; data: Record<string, unknown> }[]> {
  const before = new Set((await t.app.db.brandEvent.findMany({ select: { id: true } })).map((e) => e.id));
  await action();
  const rows = await t.app.db.brandEvent.findMany({ orderBy: { createdAt: 'asc' }, select: { id: true, type: true, data: true } });
  const fresh = rows.filter((r) => !before.has(r.id)).map((r) => ({ type: r.type, data: r.data as Record<string, unknown> }));
  for (const e of fresh) if (!produced.has(e.type)) produced.set(e.type, scenario);
  return fresh;
}

const types = (events: { type: string }[]) => events.map((e) => e.type).sort();

async function buyOne(variantSku: string): Promise<string> {
  const [buyer] = await createBuyers(t, 1, 'events');
  const socket = await t.connect(buyer!);
  await joinShow(socket, showId);
  const variant = await t.app.db.productVariant.findUniqueOrThrow({ where: { sku: variantSku } });
  const bought = await ask(socket, 'order:buy', { showId, variantId: variant.id, quantity: 1, idempotencyKey: randomUUID() });
  if (!bought.ok) throw new Error(bought.error.code);
  return bought.order.orderId;
}

/** Resolves when the viewer is told the variant's stock is `stock` (earlier broadcasts, e.g. a refund's restock, may still arrive first). */
function stockShown(socket: TestSocket, variantId: string, stock: number): Promise<true> {
  return new Promise((resolve) => {
    const listener = (e: { variantId: string; stock: number }) => {
      if (e.variantId !== variantId || e.stock !== stock) return;
      socket.off('stock:changed', listener);
      resolve(true);
    };
    socket.on('stock:changed', listener);
  });
}

beforeAll(async () => {
  t = await startTestApp();
  actors = await demoActors(t.app.db as never);
});

afterAll(async () => {
  await t?.stop();
});

describe('domain events', () => {
  it('documents exactly the event types the code declares', () => {
    expect(documentedEventTypes().sort()).toEqual([...BRAND_EVENT_TYPES].sort());
  });

  it('scheduling a show records show.scheduled with it', async () => {
    const lineup = (await t.app.db.showProduct.findMany({ where: { showId }, select: { productId: true } })).map((l) => l.productId);
    const start = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 16);
    let createdId = '';
    const events = await recorded('createShow', async () => {
      createdId = (
        await createShow(
          t.app.db,
          actors.lumenOwner,
          'lumen',
          {
            title: 'Events week',
            description: '',
            startLocal: start,
            plannedDurationMinutes: 30,
            commissionRateBps: 1000,
            lineup,
            hostHandle: 'mia',
          },
          { publicUrl: PUBLIC_URL },
        )
      ).id;
    });
    expect(events).toEqual([{ type: 'show.scheduled', data: expect.objectContaining({ showId: createdId, status: 'SCHEDULED' }) }]);
  });

  it('going live records show.live once, however often the host asks', async () => {
    const events = await recorded('goLive', async () => {
      await goLive(t.app.db, actors.host, showId);
      await goLive(t.app.db, actors.host, showId);
    });
    expect(events).toEqual([{ type: 'show.live', data: expect.objectContaining({ showId, status: 'LIVE' }) }]);
    viewer = await t.connect();
    await joinShow(viewer, showId);
  });

  it('a one-tap order records order.created and order.paid', async () => {
    let orderId = '';
    const events = await recorded('one-tap order:buy', async () => {
      orderId = await buyOne('LUM-SERUM-30ML');
    });
    expect(types(events)).toEqual(['order.created', 'order.paid']);
    for (const e of events) expect(e.data).toMatchObject({ orderId });
  });

  it('a bag checkout records order.created and order.paid', async () => {
    const [buyer] = await createBuyers(t, 1, 'eventsbag');
    const socket = await t.connect(buyer!);
    await joinShow(socket, showId);
    const variant = await t.app.db.productVariant.findUniqueOrThrow({ where: { sku: 'LUM-SERUM-30ML' } });
    expect(await ask(socket, 'bag:set', { showId, variantId: variant.id, quantity: 1 })).toMatchObject({ ok: true });
    let orderId = '';
    const events = await recorded('bag:checkout', async () => {
      const paid = await ask(socket, 'bag:checkout', { showId, idempotencyKey: randomUUID() });
      if (!paid.ok) throw new Error(paid.error.code);
      orderId = paid.order.orderId;
    });
    expect(types(events)).toEqual(['order.created', 'order.paid']);
    for (const e of events) expect(e.data).toMatchObject({ orderId });
  });

  it('packing, shipping and delivering record order.packed, order.shipped and order.delivered', async () => {
    const orderId = await buyOne('LUM-SERUM-30ML');
    const events = await recorded('advanceOrder', async () => {
      await advanceOrder(t.app.db, actors.lumenOwner, 'lumen', orderId, 'PACKED', null, PUBLIC_URL);
      await advanceOrder(t.app.db, actors.lumenOwner, 'lumen', orderId, 'SHIPPED', { carrier: 'Post', trackingNumber: 'T1' }, PUBLIC_URL);
      await advanceOrder(t.app.db, actors.lumenOwner, 'lumen', orderId, 'DELIVERED', null, PUBLIC_URL);
    });
    expect(events.map((e) => e.type)).toEqual(['order.packed', 'order.shipped', 'order.delivered']);
  });

  it('cancelling a paid order records order.cancelled, order.refunded and stock.changed for the returned units', async () => {
    const orderId = await buyOne('LUM-SERUM-30ML');
    const events = await recorded('cancelOrder', async () => {
      await cancelOrder(t.app.db, new TestPaymentProvider(), actors.lumenOwner, orderId, 'Out of the warehouse');
    });
    expect(types(events)).toEqual(['order.cancelled', 'order.refunded', 'stock.changed']);
  });

  it('a restock from the dashboard records stock.changed and product.updated and updates the cards of a live show featuring the product', async () => {
    const variant = await t.app.db.productVariant.findUniqueOrThrow({
      where: { sku: 'LUM-SERUM-30ML' },
      include: { product: { include: { variants: true } } },
    });
    const restocked = variant.stock + 25;
    const seen = stockShown(viewer, variant.id, restocked);
    const events = await recorded('dashboard updateProduct', () =>
      updateProduct(t.app.db, actors.lumenOwner, 'lumen', variant.productId, {
        variants: variant.product.variants.map((v) => ({
          id: v.id,
          name: v.name,
          sku: v.sku,
          priceMinor: v.priceMinor,
          ...(v.id === variant.id && { stock: restocked }),
        })),
      }),
    );
    expect(types(events)).toEqual(['product.updated', 'stock.changed']);
    expect(events.find((e) => e.type === 'stock.changed')?.data).toMatchObject({
      variantId: variant.id,
      stock: restocked,
      previousStock: variant.stock,
    });
    expect(await seen).toBe(true);
  });

  it('a restock from the CSV import records stock.changed and product.updated and updates the cards', async () => {
    const variant = await t.app.db.productVariant.findUniqueOrThrow({ where: { sku: 'LUM-SERUM-30ML' } });
    const csv = await exportCatalogCsv(t.app.db, actors.lumenOwner, 'lumen');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    const row = rows.find((r) => r.includes(',LUM-SERUM-30ML,'))!;
    // The last column is the stock; the title changes too.
    const edited = row.replace(/,\d+$/, `,${variant.stock + 5}`).replace(/^([^,]*),[^,]*,/, '$1,Serum (imported),');
    const seen = stockShown(viewer, variant.id, variant.stock + 5);
    const events = await recorded('CSV import', async () => {
      const result = await importCatalogCsv(t.app.db, actors.lumenOwner, 'lumen', [header, edited].join('\n'), { dryRun: false });
      expect(result.ok).toBe(true);
    });
    expect(types(events)).toEqual(['product.updated', 'stock.changed']);
    expect(await seen).toBe(true);
  });

  it('a refused CSV import records no event: nothing changed, nothing is announced', async () => {
    const csv = await exportCatalogCsv(t.app.db, actors.lumenOwner, 'lumen');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    const restock = rows.find((r) => r.includes(',LUM-SERUM-30ML,'))!.replace(/,\d+$/, ',999');
    // A second row with the same SKU makes the whole import fail after planning.
    const events = await recorded('refused CSV import', async () => {
      const result = await importCatalogCsv(t.app.db, actors.lumenOwner, 'lumen', [header, restock, restock].join('\n'), { dryRun: false });
      expect(result.ok).toBe(false);
    });
    expect(events).toEqual([]);
  });

  it('a restock whose transaction rolls back leaves neither the stock nor its stock.changed behind', async () => {
    const variant = await t.app.db.productVariant.findUniqueOrThrow({ where: { sku: 'LUM-SERUM-30ML' } });
    const events = await recorded('rolled-back restock', async () => {
      await expect(
        t.app.db.$transaction(async (tx) => {
          await setVariantStock(tx, variant.id, variant.stock + 100);
          throw new Error('a later step of the same operation failed');
        }),
      ).rejects.toThrow('a later step');
    });
    expect(events).toEqual([]);
    expect((await t.app.db.productVariant.findUniqueOrThrow({ where: { id: variant.id } })).stock).toBe(variant.stock);
  });

  it('the API records stock.changed and product.updated and updates the cards', async () => {
    const variant = await t.app.db.productVariant.findUniqueOrThrow({ where: { sku: 'LUM-SERUM-30ML' }, include: { product: true } });
    const seen = stockShown(viewer, variant.id, 3);
    const events = await recorded('API', async () => {
      await setApiVariantStock(t.app.db, variant.product.brandId, variant.id, 3);
      await updateApiProduct(t.app.db, variant.product.brandId, variant.productId, { description: 'From the warehouse system.' });
    });
    expect(events.map((e) => e.type)).toEqual(['stock.changed', 'product.updated']);
    expect(await seen).toBe(true);
  });

  it('order help and support record order.address_changed, support.conversation_opened, support.replied and order.return_requested', async () => {
    const orderId = await buyOne('LUM-SERUM-30ML');
    const order = await t.app.db.order.findUniqueOrThrow({ where: { id: orderId }, select: { buyerId: true } });
    const buyer = { userId: order.buyerId, name: 'Buyer' };
    const address = { fullName: 'Sam Rivera', line1: '12 Riverside', city: 'Phnom Penh', country: 'KH' };
    const moved = await recorded('changeOrderAddress', () => changeOrderAddress(t.app.db, buyer, orderId, address));
    expect(moved).toEqual([{ type: 'order.address_changed', data: expect.objectContaining({ orderId, country: 'KH' }) }]);
    let conversationId = '';
    const opened = await recorded('openOrderConversation', async () => {
      conversationId = (await openOrderConversation(t.app.db, buyer, orderId, 'Gift wrap?')).conversationId;
    });
    expect(opened).toEqual([{ type: 'support.conversation_opened', data: expect.objectContaining({ conversationId, orderId }) }]);
    const replied = await recorded('replyAsBrand', () =>
      replyAsBrand(t.app.db, actors.lumenOwner, 'lumen', conversationId, 'Yes.', PUBLIC_URL),
    );
    expect(replied).toEqual([{ type: 'support.replied', data: expect.objectContaining({ conversationId, orderId }) }]);
    await advanceOrder(t.app.db, actors.lumenOwner, 'lumen', orderId, 'PACKED', null, PUBLIC_URL);
    await advanceOrder(t.app.db, actors.lumenOwner, 'lumen', orderId, 'SHIPPED', { carrier: 'DHL', trackingNumber: 'R1' }, PUBLIC_URL);
    await advanceOrder(t.app.db, actors.lumenOwner, 'lumen', orderId, 'DELIVERED', null, PUBLIC_URL);
    const returned = await recorded('requestReturn', () => requestReturn(t.app.db, buyer, orderId, 'Too small'));
    expect(returned).toEqual([{ type: 'order.return_requested', data: expect.objectContaining({ orderId, reason: 'Too small' }) }]);
  });

  it('a delivered buyer reviewing records review.published, and the brand hiding it review.hidden', async () => {
    const orderId = await buyOne('LUM-SERUM-30ML');
    const order = await t.app.db.order.findUniqueOrThrow({ where: { id: orderId }, select: { buyerId: true } });
    const buyer = { userId: order.buyerId, name: 'Buyer' };
    for (const step of ['PACKED', 'SHIPPED', 'DELIVERED'] as const)
      await advanceOrder(
        t.app.db,
        actors.lumenOwner,
        'lumen',
        orderId,
        step,
        step === 'SHIPPED' ? { carrier: 'DHL', trackingNumber: 'R2' } : null,
        PUBLIC_URL,
      );
    const variant = await t.app.db.productVariant.findUniqueOrThrow({ where: { sku: 'LUM-SERUM-30ML' }, select: { productId: true } });
    let reviewId = '';
    const published = await recorded('submitReview', async () => {
      reviewId = (await submitReview(t.app.db, buyer, { productId: variant.productId, rating: 5, body: 'Lovely' })).reviewId;
    });
    expect(published).toEqual([
      { type: 'review.published', data: expect.objectContaining({ reviewId, productId: variant.productId, rating: 5 }) },
    ]);
    const hidden = await recorded('hideReview', () => hideReview(t.app.db, actors.lumenOwner, 'lumen', reviewId, 'Off topic'));
    expect(hidden).toEqual([{ type: 'review.hidden', data: { reviewId, productId: variant.productId, by: 'brand' } }]);
  });

  it('a scheduled campaign, once its send job runs, records campaign.sent once with its recipients', async () => {
    const [reader] = await createBuyers(t, 1, 'campaign');
    await setMarketingConsent(t.app.db, reader!.id, true, 'preferences');
    await t.app.db.brandFollow.create({
      data: { userId: reader!.id, brandId: (await t.app.db.brand.findUniqueOrThrow({ where: { slug: DEMO_BRAND_SLUG } })).id },
    });
    const sendAt = new Date(Date.now() + 3_600_000);
    const { id: campaignId } = await createCampaign(t.app.db, actors.lumenOwner, DEMO_BRAND_SLUG, {
      name: 'Events drop',
      segment: { followers: true },
      defaultLocale: 'en',
      templates: { en: { subject: 'New in', body: 'See what is new.' } },
      splitPercentB: 0,
      sendAt,
    });
    const env = testEnv(t.databaseUrl);
    const ctx = { db: t.app.db, env, log: silentLog, mail: createMailTransport(env) };
    const events = await recorded('sendCampaignJob', async () => {
      await sendCampaignJob({ campaignId, sendAt: sendAt.toISOString() }, ctx);
      await sendCampaignJob({ campaignId, sendAt: sendAt.toISOString() }, ctx);
    });
    expect(events).toEqual([{ type: 'campaign.sent', data: expect.objectContaining({ campaignId, recipients: expect.any(Number) }) }]);
    expect(events[0]!.data.recipients).toBeGreaterThanOrEqual(1);
  });

  it('ending the show records show.ended once', async () => {
    const events = await recorded('endShow', async () => {
      await endShow(t.app.db, actors.host, showId);
      await endShow(t.app.db, actors.host, showId);
    });
    expect(events).toEqual([{ type: 'show.ended', data: expect.objectContaining({ showId, status: 'ENDED' }) }]);
  });

  it('a finished recording records recording.ready once, and deleting it recording.deleted', async () => {
    const id = 'receventsready';
    await t.app.db.showRecording.create({ data: { id, showId, storagePrefix: `recordings/${id}/` } });
    const progress = { segmentCount: 1, bytes: 10, durationMs: 2_000 };
    const ready = await recorded('finishRecording', async () => {
      await finishRecording(t.app.db, id, progress);
      await finishRecording(t.app.db, id, progress);
    });
    expect(ready).toEqual([{ type: 'recording.ready', data: expect.objectContaining({ recordingId: id, showId }) }]);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'events-recording-'));
    try {
      const deleted = await recorded('deleteRecording', () =>
        deleteRecording(t.app.db, new LocalDiskStore(dataDir), actors.lumenOwner, id),
      );
      expect(deleted).toEqual([{ type: 'recording.deleted', data: { recordingId: id, showId } }]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('every documented webhook event was produced by one of the operations above', () => {
    const missing = documentedEventTypes().filter((type) => !produced.has(type as BrandEventType));
    expect(missing).toEqual([]);
  });
});
