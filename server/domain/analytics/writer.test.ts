import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { AnalyticsWriter } from './writer';

// The batched writer against the real database: events wait in memory and reach PostgreSQL
// together, and nothing buffered is lost when the process closes the writer.
let database: TestDatabase;

beforeAll(async () => {
  database = await startTestDatabase();
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

describe('the analytics writer', () => {
  it('holds events in memory until its tick, then writes them all; close() writes what is left', async () => {
    const db = database.prisma;
    // A tick that never comes within the test: only close() can write these.
    const writer = new AnalyticsWriter(db, { flushMs: 3_600_000 });
    const at = new Date('2026-12-06T10:00:00.123Z');
    writer.record({ showId: 'show-w1', kind: 'join', viewer: 'user:a', at });
    writer.record({ showId: 'show-w1', kind: 'tap', viewer: 'anon:s1', productId: 'p1', at });
    writer.record({ showId: 'show-w1', kind: 'reaction', count: 7, at });
    expect(await db.showAnalyticsEvent.count({ where: { showId: 'show-w1' } })).toBe(0);
    await writer.close();
    const rows = await db.showAnalyticsEvent.findMany({ where: { showId: 'show-w1' }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.kind, r.viewer, r.productId, r.count, r.at.toISOString()])).toEqual([
      ['join', 'user:a', null, 1, at.toISOString()],
      ['tap', 'anon:s1', 'p1', 1, at.toISOString()],
      ['reaction', '', null, 7, at.toISOString()],
    ]);
  });

  it('writes a full batch at once without waiting for the tick', async () => {
    const db = database.prisma;
    const writer = new AnalyticsWriter(db, { flushMs: 3_600_000, maxBatch: 3 });
    for (let i = 0; i < 3; i++) writer.record({ showId: 'show-w2', kind: 'join', viewer: `anon:${i}` });
    await writer.flush();
    expect(await db.showAnalyticsEvent.count({ where: { showId: 'show-w2' } })).toBe(3);
    await writer.close();
  });

  it('a recording after close() is dropped rather than held forever', async () => {
    const writer = new AnalyticsWriter(database.prisma, { flushMs: 3_600_000 });
    await writer.close();
    writer.record({ showId: 'show-w3', kind: 'join', viewer: 'anon:late' });
    await writer.flush();
    expect(await database.prisma.showAnalyticsEvent.count({ where: { showId: 'show-w3' } })).toBe(0);
  });
});
