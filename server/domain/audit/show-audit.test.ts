import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { DEMO_BRAND_SLUG, DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { goLive, makeBuyers, SpyPayments, variantBySku } from '../checkout.test-support';
import { placeShowOrder } from '../orders';
import { endFlashDeal, startFlashDeal } from '../shows';
import { demoActors, type DemoActors } from '../test-actors';
import { appendShowAudit, canonicalJson, exportShowAudit, readShowAudit, showAuditCsv, verifyChain, verifyShowAudit } from '.';
import { parseCsv } from '../csv';

// The audit log against the real database: the chain PostgreSQL writes is the
// chain this module re-computes, appends never fork it, and nothing rewrites it.
let database: TestDatabase;
let actors: DemoActors;
const showId = DEMO_SHOW_ID;

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  actors = await demoActors(database.prisma);
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

describe('show audit log', () => {
  it('canonical JSON sorts keys at every depth and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true }, z: undefined })).toBe('{"a":{"c":true,"d":[1,"x",null]},"b":1}');
  });

  it('racing appends from many connections never fork the chain: seq 1..N, each linked to the one before, and it verifies', async () => {
    const racing = 'audit_race_show';
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => database.prisma.$transaction((tx) => appendShowAudit(tx, racing, 'test.appended', { i }))),
    );
    const entries = await readShowAudit(database.prisma, racing);
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(entries.map((e) => JSON.parse(e.data) as { i: number }).map((d) => d.i)).size).toBe(40);
    expect(verifyChain(racing, entries)).toMatchObject({ ok: true, count: 40, head: entries.at(-1)!.hash });
  });

  it('an entry rolled back with its transaction leaves no gap in the chain', async () => {
    const show = 'audit_rollback_show';
    await appendShowAudit(database.prisma, show, 'test.appended', { n: 1 });
    await database.prisma
      .$transaction(async (tx) => {
        await appendShowAudit(tx, show, 'test.appended', { n: 2 });
        throw new Error('the change failed');
      })
      .catch(() => undefined);
    await appendShowAudit(database.prisma, show, 'test.appended', { n: 3 });
    const entries = await readShowAudit(database.prisma, show);
    expect(entries.map((e) => [e.seq, e.data])).toEqual([
      [1, '{"n":1}'],
      [2, '{"n":3}'],
    ]);
    expect((await verifyShowAudit(database.prisma, show)).ok).toBe(true);
  });

  it('UPDATE, DELETE and TRUNCATE of the log are refused by the database itself', async () => {
    const show = 'audit_refuse_show';
    await appendShowAudit(database.prisma, show, 'test.appended', { n: 1 });
    await expect(
      database.prisma.$executeRawUnsafe(`UPDATE "ShowAuditEntry" SET "data" = '{"n":2}' WHERE "showId" = $1`, show),
    ).rejects.toThrow(/append-only/);
    await expect(database.prisma.$executeRawUnsafe(`DELETE FROM "ShowAuditEntry" WHERE "showId" = $1`, show)).rejects.toThrow(
      /append-only/,
    );
    await expect(database.prisma.$executeRawUnsafe(`TRUNCATE "ShowAuditEntry"`)).rejects.toThrow(/append-only/);
    expect((await readShowAudit(database.prisma, show))[0]!.data).toBe('{"n":1}');
  });

  it('an entry edited behind the trigger (by the table owner) is detected by the verifier, as is one removed', async () => {
    const show = 'audit_tamper_show';
    for (const n of [1, 2, 3]) await appendShowAudit(database.prisma, show, 'test.appended', { n });
    const original = await readShowAudit(database.prisma, show);
    await database.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('ALTER TABLE "ShowAuditEntry" DISABLE TRIGGER "ShowAuditEntry_append_only"');
      await tx.$executeRawUnsafe(`UPDATE "ShowAuditEntry" SET "data" = '{"n":20}' WHERE "showId" = $1 AND "seq" = 2`, show);
      await tx.$executeRawUnsafe('ALTER TABLE "ShowAuditEntry" ENABLE TRIGGER "ShowAuditEntry_append_only"');
    });
    expect(await verifyShowAudit(database.prisma, show)).toEqual({ ok: false, seq: 2, problem: 'HASH_MISMATCH' });
    // Re-hashing the edited entry does not help: the next one still points at the old hash.
    const edited = await readShowAudit(database.prisma, show);
    const rehashed = edited.map((e) => (e.seq === 2 ? { ...e, hash: original[1]!.hash.replace(/^./, 'f') } : e));
    expect(verifyChain(show, rehashed)).toMatchObject({ ok: false });
    expect(verifyChain(show, [original[0]!, original[2]!])).toEqual({ ok: false, seq: 3, problem: 'SEQ_GAP' });
  });

  it("records a live show's stock changes at commit, and its deal starts and ends; the brand's export verifies from its own data", async () => {
    await goLive(database.prisma, showId);
    const variant = await variantBySku(database.prisma, 'LUM-SERUM-30ML');
    const before = (await readShowAudit(database.prisma, showId)).length;
    await database.prisma.productVariant.update({ where: { id: variant.id }, data: { stock: variant.stock + 5 } });
    await database.prisma.show.update({ where: { id: showId }, data: { pinnedProductId: variant.productId } });
    const { deal } = await startFlashDeal(database.prisma, actors.host, showId, {
      variantId: variant.id,
      priceMinor: variant.priceMinor - 100,
      durationSeconds: 60,
    });
    await endFlashDeal(database.prisma, actors.host, showId);
    const entries = (await readShowAudit(database.prisma, showId)).slice(before);
    expect(entries.map((e) => e.kind)).toEqual(['stock.changed', 'deal.started', 'deal.ended']);
    expect(JSON.parse(entries[0]!.data)).toEqual({
      from: variant.stock,
      to: variant.stock + 5,
      productId: variant.productId,
      variantId: variant.id,
    });
    expect(JSON.parse(entries[1]!.data)).toMatchObject({ dealId: deal.id, priceMinor: variant.priceMinor - 100 });
    expect(JSON.parse(entries[2]!.data)).toEqual({ dealId: deal.id, reason: 'host' });

    const log = await exportShowAudit(database.prisma, actors.lumenOwner, DEMO_BRAND_SLUG, showId);
    expect(verifyChain(log.showId, JSON.parse(JSON.stringify(log.entries)) as typeof log.entries)).toMatchObject({
      ok: true,
      head: log.head,
    });
    const [header, ...rows] = parseCsv(showAuditCsv(log));
    expect(header).toEqual(['seq', 'at_utc', 'kind', 'data', 'prev_hash', 'hash']);
    const fromCsv = rows.map(([seq, at, kind, data, prevHash, hash]) => ({
      seq: Number(seq),
      at: at!,
      kind: kind!,
      data: data!,
      prevHash: prevHash!,
      hash: hash!,
    }));
    expect(verifyChain(showId, fromCsv)).toMatchObject({ ok: true, head: log.head });
  });

  it("a sale does not wait for the show's audit lock: its stock change is chained after it, and the chain verifies", async () => {
    await goLive(database.prisma, showId);
    const variant = await variantBySku(database.prisma, 'LUM-SERUM-30ML');
    const [buyer] = await makeBuyers(database.prisma, 1);
    const before = (await readShowAudit(database.prisma, showId)).length;
    // Another transaction is appending to the show's log (a poll, a bid) and holds its lock.
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query(`SELECT pg_advisory_xact_lock(hashtextextended('show-audit:' || $1, 0))`, [showId]);
    let answered: 'placed' | 'still waiting';
    try {
      const sale = placeShowOrder(database.prisma, new SpyPayments(), buyer!, {
        showId,
        variantId: variant.id,
        quantity: 1,
        idempotencyKey: randomUUID(),
      });
      // Before the sales' entries were batched, the sale's commit queued behind the lock until it was released.
      answered = await Promise.race([
        sale.then(() => 'placed' as const),
        new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), 10_000)),
      ]);
    } finally {
      await holder.query('COMMIT');
      await holder.end();
    }
    expect(answered).toBe('placed');
    const entries = (await readShowAudit(database.prisma, showId)).slice(before);
    expect(entries.map((e) => e.kind)).toEqual(['stock.changed']);
    expect(JSON.parse(entries[0]!.data)).toEqual({
      from: variant.stock,
      to: variant.stock - 1,
      productId: variant.productId,
      variantId: variant.id,
    });
    expect((await verifyShowAudit(database.prisma, showId)).ok).toBe(true);
  });

  it("stock changes waiting to be chained go in before the show's next entry, in the order they were made", async () => {
    await goLive(database.prisma, showId);
    const variant = await variantBySku(database.prisma, 'LUM-SERUM-30ML');
    const before = (await readShowAudit(database.prisma, showId)).length;
    for (const delta of [3, -1, 2]) {
      await database.prisma.productVariant.update({ where: { id: variant.id }, data: { stock: { increment: delta } } });
    }
    await appendShowAudit(database.prisma, showId, 'test.appended', { after: 'stock' });
    const stored = await database.prisma.showAuditEntry.findMany({ where: { showId, seq: { gt: before } }, orderBy: { seq: 'asc' } });
    expect(stored.map((e) => [e.kind, JSON.parse(e.data) as unknown])).toEqual([
      ['stock.changed', expect.objectContaining({ from: variant.stock, to: variant.stock + 3 })],
      ['stock.changed', expect.objectContaining({ from: variant.stock + 3, to: variant.stock + 2 })],
      ['stock.changed', expect.objectContaining({ from: variant.stock + 2, to: variant.stock + 4 })],
      ['test.appended', { after: 'stock' }],
    ]);
    expect(await database.prisma.showAuditPending.count({ where: { showId } })).toBe(0);
    expect((await verifyShowAudit(database.prisma, showId)).ok).toBe(true);
  });

  it("another brand's member cannot export the show's log", async () => {
    await expect(exportShowAudit(database.prisma, actors.koraOwner, DEMO_BRAND_SLUG, showId)).rejects.toMatchObject({
      reason: 'BRAND_NOT_FOUND',
    });
  });
});
