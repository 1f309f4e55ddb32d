// A partial refund as the buyer, the brand and the host see it afterwards:
// the order's timeline and label, the one refund email, and the statement.
import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/support/database';
import { statusLabels, timelineEntries } from './order-display';
import { getMyOrder, listMyOrders } from './order-queries';
import { refundEmailKey } from './order-refund-email';
import { getHostStatement } from './order-statement';
import { refundOrder } from '../payments';
import { buy, payments, type OrderFixtures, useOrderDatabase } from './order-test-support';
import type { DemoActors } from '../test-actors';

let database: TestDatabase;
let actors: DemoActors;
let fx: OrderFixtures;

useOrderDatabase((ready) => ({ database, actors, fx } = ready));

describe('a partial refund', () => {
  it('reads "Partially refunded" with a "Refunded … — reason" entry, not a second "Paid"', async () => {
    const order = await buy(database.prisma, actors.viewer, fx.lumenShowId, fx.lumenVariantId, 2);
    await refundOrder(database.prisma, payments, actors.lumenOwner, order.id, {
      amountMinor: 1250,
      reason: 'Scratched box',
      idempotencyKey: 'part',
      restock: false,
    });
    const detail = await getMyOrder(database.prisma, actors.viewer, order.id);
    expect(statusLabels(detail)).toEqual(['PARTIALLY_REFUNDED']);
    const entries = timelineEntries(detail.events);
    expect(entries.filter((e) => e.kind === 'status' && e.status === 'PAID')).toHaveLength(1);
    expect(entries.at(-1)).toMatchObject({ kind: 'refund', amountMinor: 1250, reason: 'Scratched box' });
    const listed = (await listMyOrders(database.prisma, actors.viewer)).orders.find((o) => o.id === order.id)!;
    expect(statusLabels(listed)).toEqual(['PARTIALLY_REFUNDED']);
  });

  it('queues one refund email with the amount and reason, and a retry with the same key queues none', async () => {
    const order = await buy(database.prisma, actors.viewer, fx.lumenShowId, fx.lumenVariantId, 1);
    const input = { amountMinor: 500, reason: 'Late delivery', idempotencyKey: 'retry-me', restock: false };
    const first = await refundOrder(database.prisma, payments, actors.lumenOwner, order.id, input);
    const again = await refundOrder(database.prisma, payments, actors.lumenOwner, order.id, input);
    expect(again.replayed).toBe(true);
    const jobs = await database.prisma.job.findMany({ where: { dedupeKey: { contains: refundEmailKey(first.refundId!) } } });
    expect(jobs).toHaveLength(1);
    const payload = jobs[0]!.payload as { to: string; subject: string; text: string };
    expect(payload.to).toBe('viewer@demo.live');
    expect(payload.subject).toBe(`Part of order #${order.number} has been refunded`);
    expect(payload.text).toContain('Reason: Late delivery');
    expect(payload.text).toContain('Lumen Beauty has refunded $5.00 of order');
  });

  it('counts in the host statement for what the buyer kept paying: commission on the net amount', async () => {
    const lumen = async () => (await getHostStatement(database.prisma, actors.host)).shows.find((s) => s.showId === fx.lumenShowId)!;
    const before = await lumen();
    const order = await buy(database.prisma, actors.viewer2, fx.lumenShowId, fx.lumenVariantId, 2);
    const placed = await database.prisma.order.findUniqueOrThrow({
      where: { id: order.id },
      select: { totalMinor: true, subtotalMinor: true },
    });
    const added = await lumen();
    expect(added.salesMinor - before.salesMinor).toBe(placed.subtotalMinor);
    // Half the total back: half the sales and half the commission stay.
    await refundOrder(database.prisma, payments, actors.lumenOwner, order.id, {
      amountMinor: placed.totalMinor / 2,
      reason: 'One arrived broken',
      idempotencyKey: 'half',
      restock: false,
    });
    const after = await lumen();
    expect(after.orderCount).toBe(added.orderCount);
    expect(after.salesMinor - before.salesMinor).toBe(Math.round(placed.subtotalMinor / 2));
    expect(after.commissionMinor - before.commissionMinor).toBe(Math.round((added.commissionMinor - before.commissionMinor) / 2));
  });
});
