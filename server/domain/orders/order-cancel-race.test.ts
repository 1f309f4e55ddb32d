import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/support/database';
import { cancelMyOrder } from './order-buyer-cancel';
import { advanceOrder } from './order-lifecycle';
import { buy, PUBLIC_URL, type OrderFixtures, useOrderDatabase } from './order-test-support';
import { cancelOrder, refundOrder } from '../payments';
import { CountingProvider } from '../payments/test-support';
import type { DemoActors } from '../test-actors';

// Money moves only for the status the order is really in: the decision and the
// provider call happen under the order's row lock, against the real database.
let database: TestDatabase;
let actors: DemoActors;
let fx: OrderFixtures;

useOrderDatabase((ready) => ({ database, actors, fx } = ready));

const ROUNDS = 20;

async function finalState(orderId: string) {
  const order = await database.prisma.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      status: true,
      totalMinor: true,
      refundedMinor: true,
      events: { select: { status: true } },
      payments: { select: { refundedMinor: true, refunds: { select: { amountMinor: true } } } },
    },
  });
  const refundRows = order.payments.flatMap((p) => p.refunds);
  return { ...order, timeline: order.events.map((e) => e.status), refundRows };
}

describe('cancel, pack and refund racing on one order', () => {
  it(`a buyer's cancel and the brand's pack fired together ${ROUNDS} times: each order ends CANCELLED and refunded or PACKED and not refunded, never both`, async () => {
    const tally = { cancelled: 0, packed: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const payments = new CountingProvider();
      const order = await buy(database.prisma, actors.viewer, fx.lumenShowId, fx.lumenVariantId);
      await Promise.allSettled([
        cancelMyOrder(database.prisma, payments, actors.viewer, order.id),
        advanceOrder(database.prisma, actors.lumenOwner, 'lumen', order.id, 'PACKED', null, PUBLIC_URL),
      ]);
      const state = await finalState(order.id);
      if (state.status === 'CANCELLED') {
        tally.cancelled++;
        expect(state.refundedMinor).toBe(state.totalMinor);
        expect(state.refundRows).toHaveLength(1);
        expect(payments.refunds).toBe(1);
        expect(state.timeline).not.toContain('PACKED');
      } else {
        tally.packed++;
        expect(state.status).toBe('PACKED');
        expect(state.refundedMinor).toBe(0);
        expect(state.refundRows).toHaveLength(0);
        // The provider paid nothing back for an order that is being packed.
        expect(payments.refunds).toBe(0);
        expect(state.timeline).not.toContain('CANCELLED');
      }
    }
    expect(tally.cancelled + tally.packed).toBe(ROUNDS);
  }, 120_000);

  it("the brand's cancel and a shipment fired together never leave a shipped order cancelled and refunded", async () => {
    for (let round = 0; round < ROUNDS / 2; round++) {
      const payments = new CountingProvider();
      const order = await buy(database.prisma, actors.viewer, fx.lumenShowId, fx.lumenVariantId);
      await advanceOrder(database.prisma, actors.lumenOwner, 'lumen', order.id, 'PACKED', null, PUBLIC_URL);
      await Promise.allSettled([
        cancelOrder(database.prisma, payments, actors.lumenOwner, order.id, 'Out of stock in the warehouse'),
        advanceOrder(
          database.prisma,
          actors.lumenOwner,
          'lumen',
          order.id,
          'SHIPPED',
          { carrier: 'DHL', trackingNumber: `R${round}` },
          PUBLIC_URL,
        ),
      ]);
      const state = await finalState(order.id);
      expect(['CANCELLED', 'SHIPPED']).toContain(state.status);
      expect(state.refundedMinor).toBe(state.status === 'CANCELLED' ? state.totalMinor : 0);
      expect(payments.refunds).toBe(state.status === 'CANCELLED' ? 1 : 0);
    }
  }, 120_000);

  it('concurrent partial refunds never pay out more than was paid, even when the provider no longer remembers the capture', async () => {
    for (let round = 0; round < 5; round++) {
      const payments = new CountingProvider();
      const order = await buy(database.prisma, actors.viewer, fx.lumenShowId, fx.lumenVariantId, 3);
      // As after a restart: the provider's memory is empty and only our Payment row knows the capture.
      const orphan = `test_auth_orphan_${randomUUID()}`;
      await database.prisma.payment.updateMany({ where: { orderId: order.id }, data: { reference: orphan } });
      await database.prisma.order.update({ where: { id: order.id }, data: { paymentRef: orphan } });
      const part = Math.floor(order.totalMinor * 0.4);
      const results = await Promise.allSettled(
        Array.from({ length: 5 }, () =>
          refundOrder(database.prisma, payments, actors.lumenOwner, order.id, {
            amountMinor: part,
            reason: 'Damaged',
            idempotencyKey: randomUUID(),
            restock: false,
          }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
      expect(payments.paidOutMinor).toBe(2 * part);
      const state = await finalState(order.id);
      expect(state.refundedMinor).toBe(2 * part);
      expect(state.refundRows.reduce((sum, r) => sum + r.amountMinor, 0)).toBe(2 * part);
      expect(state.payments[0]!.refundedMinor).toBe(2 * part);
    }
  }, 120_000);
});
