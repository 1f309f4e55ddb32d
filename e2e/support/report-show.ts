import { randomUUID } from 'node:crypto';
import type pg from 'pg';

export interface EndedShow {
  showId: string;
  title: string;
  priceMinor: number;
}

const MIN = 60_000;

/**
 * A Lumen show that ran for 28 minutes and ended two minutes ago, with what its audience did
 * written as the live show's writer writes it (joins, leaves, card taps, a bag add, reactions),
 * chat, two pins and a deal, and three paid orders. Six people watched, five at once at most.
 * Unrecorded, as shows without a replay are.
 */
export async function seedEndedShow(db: pg.Client, name: string): Promise<EndedShow> {
  const showId = `e2e_${name}_${randomUUID().slice(0, 8)}`;
  const title = `${name} report ${showId.slice(-4)}`;
  const start = Date.now() - 30 * MIN;
  const at = (minutes: number) => new Date(start + minutes * MIN);
  const {
    rows: [cream],
  } = await db.query<{ id: string; productId: string; priceMinor: number }>(
    `SELECT v.id, v."productId", v."priceMinor" FROM "ProductVariant" v WHERE v.sku = 'LUM-CREAM-50ML'`,
  );
  const {
    rows: [serum],
  } = await db.query<{ productId: string }>(`SELECT v."productId" FROM "ProductVariant" v WHERE v.sku = 'LUM-SERUM-30ML'`);
  await db.query(
    `INSERT INTO "Show" (id, "brandId", "hostId", title, "scheduledStart", status, "startedAt", "endedAt", "hostInviteStatus", "recordingEnabled", "peakViewers", "uniqueViewers")
     SELECT $1, b.id, u.id, $2, $3, 'ENDED', $3, $4, 'ACCEPTED', false, 5, 6 FROM "Brand" b, "User" u WHERE b.slug = 'lumen' AND u.email = 'host@demo.live'`,
    [showId, title, at(0), at(28)],
  );
  await db.query(`INSERT INTO "ShowProduct" ("showId", "productId", position) VALUES ($1, $2, 0), ($1, $3, 1)`, [
    showId,
    cream!.productId,
    serum!.productId,
  ]);
  const pins: [string, 'PIN' | 'UNPIN', number][] = [
    [cream!.productId, 'PIN', 3],
    [serum!.productId, 'PIN', 14],
    [serum!.productId, 'UNPIN', 22],
  ];
  for (const [productId, action, minute] of pins)
    await db.query(`INSERT INTO "PinEvent" (id, "showId", "productId", action, "offsetMs", "createdAt") VALUES ($1, $2, $3, $4, $5, $6)`, [
      randomUUID(),
      showId,
      productId,
      action,
      minute * MIN,
      at(minute),
    ]);
  await db.query(
    `INSERT INTO "FlashDeal" (id, "showId", "productId", "variantId", "priceMinor", "endsAt", "endedAt", "createdAt") VALUES ($1, $2, $3, $4, $5, $6, $6, $7)`,
    [randomUUID(), showId, cream!.productId, cream!.id, cream!.priceMinor - 100, at(10), at(8)],
  );
  // [viewer, join minute, leave minute or null (watched to the end)]
  const visits: [string, number, number | null][] = [
    ['user:v1', 0, 20],
    ['user:v2', 1, null],
    ['anon:v3', 2, 12],
    ['anon:v4', 5, 25],
    ['user:v5', 10, null],
    ['anon:v6', 15, 18],
  ];
  const events: [string, string, string | null, string | null, number, Date][] = [];
  for (const [viewer, join, leave] of visits) {
    events.push(['join', viewer, null, null, 1, at(join)]);
    if (leave !== null) events.push(['leave', viewer, null, null, 1, at(leave)]);
  }
  for (const viewer of ['user:v1', 'user:v2', 'anon:v3', 'anon:v4']) events.push(['tap', viewer, cream!.productId, null, 1, at(6)]);
  events.push(['bag', 'user:v5', null, cream!.id, 1, at(11)]);
  events.push(['reaction', '', null, null, 25, at(6)], ['reaction', '', null, null, 10, at(16)]);
  for (const [kind, viewer, productId, variantId, count, when] of events)
    await db.query(
      `INSERT INTO "ShowAnalyticsEvent" ("showId", kind, viewer, "productId", "variantId", count, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [showId, kind, viewer, productId, variantId, count, when],
    );
  for (const minute of [4, 7, 9])
    await db.query(
      `INSERT INTO "ChatMessage" (id, "showId", "userId", text, "createdAt") SELECT $1, $2, u.id, $3, $4 FROM "User" u WHERE u.email = 'viewer@demo.live'`,
      [randomUUID(), showId, `love it (${minute})`, at(minute)],
    );
  for (const minute of [4, 7, 16]) {
    const id = `${showId}_o${minute}`;
    await db.query(
      `INSERT INTO "Order" (id, "buyerId", "brandId", "showId", status, "totalMinor", "subtotalMinor", currency, "idempotencyKey", "paymentRef", "paidAt", "createdAt")
       SELECT $1, u.id, b.id, $2, 'PAID', $3, $3, 'USD', $1, $4, $5, $5 FROM "User" u, "Brand" b WHERE u.email = 'viewer@demo.live' AND b.slug = 'lumen'`,
      [id, showId, cream!.priceMinor, `test_auth_${id}`, at(minute)],
    );
    await db.query(
      `INSERT INTO "OrderItem" (id, "orderId", "variantId", title, quantity, "unitPriceMinor", currency) VALUES ($1, $2, $3, 'Cream', 1, $4, 'USD')`,
      [`${id}_item`, id, cream!.id, cream!.priceMinor],
    );
  }
  return { showId, title, priceMinor: cream!.priceMinor };
}
