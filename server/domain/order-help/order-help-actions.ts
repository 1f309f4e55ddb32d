// The two things a buyer can do from the help box that did not exist before: change where a parcel
// goes before packing, and ask to return a delivered order. Each takes the order's row lock, checks
// the rule again and records its brand event in the same transaction, like the fulfilment steps.
// Neither writes an OrderEvent: the timeline lists status changes, and neither changes the status.
import type { Prisma } from '../../db/client';
import type { Actor, Db } from '../context';
import { AppError, invalidField } from '../errors';
import { recordBrandEvent } from '../events';
import { shippingAddressColumns } from '../orders';
import { addressInputSchema, type AddressInput } from '../payments';
import { canChangeAddress, returnRefusal } from './order-help-rules';

type Tx = Prisma.TransactionClient;

async function lockBuyersOrder(tx: Tx, actor: Actor, orderId: string) {
  // FOR UPDATE: the brand packing at the same moment either sees the new address or makes this refuse.
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT "id" FROM "Order" WHERE "id" = ${orderId} AND "buyerId" = ${actor.userId} FOR UPDATE`;
  if (locked.length === 0) throw new AppError('ORDER_NOT_FOUND', `order ${orderId} is not ${actor.userId}'s`);
  return tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      number: true,
      brandId: true,
      status: true,
      deliveredAt: true,
      brand: { select: { returnWindowDays: true } },
      returnRequest: { select: { id: true } },
    },
  });
}

/** Replaces the order's shipping copy; the buyer's saved addresses are left as they are. */
export async function changeOrderAddress(db: Db, actor: Actor, orderId: string, input: AddressInput): Promise<void> {
  const parsed = addressInputSchema.safeParse(input);
  if (!parsed.success) throw invalidField(parsed.error.issues);
  await db.$transaction(async (tx) => {
    const order = await lockBuyersOrder(tx, actor, orderId);
    if (!canChangeAddress(order.status)) throw new AppError('ORDER_ADDRESS_TOO_LATE', `address change of ${order.status} order ${orderId}`);
    await tx.order.update({ where: { id: orderId }, data: shippingAddressColumns(parsed.data) });
    await recordBrandEvent(tx, order.brandId, 'order.address_changed', {
      orderId,
      orderNumber: order.number,
      country: parsed.data.country,
    });
  });
}

/** Records the buyer's wish to send a delivered order back; refunding stays the brand's decision. */
export async function requestReturn(db: Db, actor: Actor, orderId: string, reason: string, now = new Date()): Promise<void> {
  const text = reason.trim().slice(0, 1000);
  await db.$transaction(async (tx) => {
    const order = await lockBuyersOrder(tx, actor, orderId);
    const refusal = returnRefusal(
      {
        status: order.status,
        deliveredAt: order.deliveredAt,
        returnRequested: order.returnRequest !== null,
        returnWindowDays: order.brand.returnWindowDays,
      },
      now,
    );
    if (refusal === 'RETURN_WINDOW_CLOSED') throw new AppError(refusal, { days: order.brand.returnWindowDays }, `order ${orderId}`);
    if (refusal) throw new AppError(refusal, `return of ${order.status} order ${orderId}`);
    await tx.returnRequest.create({ data: { orderId, reason: text } });
    await recordBrandEvent(tx, order.brandId, 'order.return_requested', { orderId, orderNumber: order.number, reason: text });
  });
}
