import { randomUUID } from 'node:crypto';
import type pg from 'pg';

export const DEMO_SHOW_ID = 'demo_show_glow_up';

/**
 * A scheduled, accepted show of its own with the demo show's brand, host and
 * lineup, so a spec can go live, pin and sell without depending on what the
 * specs before it did to the demo show (or on being run after them).
 */
export async function scheduleShowLikeDemo(
  db: pg.Client,
  prefix: string,
  { recording = false }: { recording?: boolean } = {},
): Promise<{ showId: string }> {
  const showId = `e2e_${prefix}_${randomUUID().slice(0, 8)}`;
  // Unrecorded unless asked: every recorded live show runs an ffmpeg on the test machine.
  const created = await db.query(
    `INSERT INTO "Show" (id, "brandId", "hostId", title, description, "scheduledStart", status, "hostInviteStatus", "recordingEnabled")
     SELECT $1, "brandId", "hostId", title, description, now() + interval '1 hour', 'SCHEDULED', 'ACCEPTED', $3 FROM "Show" WHERE id = $2`,
    [showId, DEMO_SHOW_ID, recording],
  );
  if (created.rowCount !== 1) throw new Error(`the demo show ${DEMO_SHOW_ID} is missing: is the e2e server seeded?`);
  await db.query(
    `INSERT INTO "ShowProduct" ("showId", "productId", position) SELECT $1, "productId", position FROM "ShowProduct" WHERE "showId" = $2`,
    [showId, DEMO_SHOW_ID],
  );
  return { showId };
}
