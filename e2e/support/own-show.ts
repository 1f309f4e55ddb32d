import { randomUUID } from 'node:crypto';
import type pg from 'pg';

export interface OwnShow {
  showId: string;
  title: string;
  productId: string;
  variantId: string;
  stock: number;
}

/**
 * A live show of the test's own with Lumen's moisturiser pinned: buying needs no
 * video, and neither the demo show nor other specs' buyers share its limits. Unrecorded: a recording
 * runs an ffmpeg on the test machine, and only the recording specs want one.
 */
export async function startOwnLiveShow(db: pg.Client, name: string): Promise<OwnShow> {
  const showId = `e2e_${name}_${randomUUID().slice(0, 8)}`;
  const title = `${name} night ${showId.slice(-4)}`;
  const {
    rows: [v],
  } = await db.query<{ id: string; productId: string; stock: number }>(
    `SELECT v.id, v."productId", v.stock FROM "ProductVariant" v WHERE v.sku = 'LUM-CREAM-50ML'`,
  );
  await db.query(
    `INSERT INTO "Show" (id, "brandId", "hostId", title, "scheduledStart", status, "startedAt", "hostInviteStatus", "pinnedProductId", "recordingEnabled")
     SELECT $1, b.id, u.id, $2, now(), 'LIVE', now(), 'ACCEPTED', $3, false FROM "Brand" b, "User" u WHERE b.slug = 'lumen' AND u.email = 'host@demo.live'`,
    [showId, title, v!.productId],
  );
  await db.query(`INSERT INTO "ShowProduct" ("showId", "productId", position) VALUES ($1, $2, 0)`, [showId, v!.productId]);
  return { showId, title, productId: v!.productId, variantId: v!.id, stock: v!.stock };
}

/** A new account with the demo password and an empty wallet: a first-time buyer. */
export async function createShopper(db: pg.Client, name: string): Promise<string> {
  const email = `${name}-${randomUUID().slice(0, 8)}@test.live`;
  await db.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", "emailVerifiedAt") SELECT $1, $2, $3, "passwordHash", now() FROM "User" WHERE email = 'viewer@demo.live'`,
    [`e2e_user_${randomUUID().slice(0, 8)}`, email, name],
  );
  return email;
}
