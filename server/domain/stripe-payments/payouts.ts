import type { Db } from '../context';
import type { StripePaymentProvider } from './stripe-provider';

/** Stripe Connect payouts of a brand on the platform's Stripe account (its provider row's settings). */
export interface PayoutSettings {
  enabled: boolean;
  /** The brand's connected account (acct_…): gets what is left after the hosts' commission. */
  brandAccount: string | null;
  /** Hosts' connected accounts by user id: each gets its commission on the order. */
  hostAccounts: Readonly<Record<string, string>>;
}

/**
 * Stripe answers a repeated idempotency key with its first answer for 24 hours, a refusal included: a brand
 * owner's "Try again" (retry n of a failed job) sends its calls under keys of their own. A refusal moved no
 * money, so the new key cannot pay twice; what was moved is read from our records first (StripeTransfer).
 */
const retryKey = (retry: number) => (retry > 0 ? `-retry${retry}` : '');

export interface PayoutTransfer {
  kind: 'BRAND' | 'HOST';
  destination: string;
  amountMinor: number;
  transferId: string;
}

/**
 * Pays out one paid order through Stripe Connect: a transfer per host with a connected account
 * (their commission credits on the order) and one to the brand for the rest. Each transfer carries
 * an idempotency key of the order and destination and is recorded once (StripeTransfer), so paying
 * out an order again transfers nothing new. A host without a connected account is left out: their
 * commission stays on the host statement, as without Connect.
 */
export async function payOutOrder(
  db: Db,
  provider: StripePaymentProvider,
  settings: PayoutSettings,
  orderId: string,
  retry = 0,
): Promise<PayoutTransfer[]> {
  const planned = await payoutPlan(db, settings, orderId);
  if (!planned) return [];
  const { order, plan } = planned;
  const done: PayoutTransfer[] = [];
  for (const step of plan) {
    const recorded = await db.stripeTransfer.findUnique({ where: { orderId_destination: { orderId, destination: step.destination } } });
    if (recorded) {
      done.push({
        kind: recorded.kind,
        destination: recorded.destination,
        amountMinor: recorded.amountMinor,
        transferId: recorded.transferId,
      });
      continue;
    }
    const transfer = await provider.stripe.transfers.create(
      {
        amount: step.amountMinor,
        currency: order.currency.toLowerCase(),
        destination: step.destination,
        transfer_group: `order_${orderId}`,
        metadata: { orderId, kind: step.kind },
      },
      { idempotencyKey: `transfer-${orderId}-${step.destination}${retryKey(retry)}` },
    );
    await db.stripeTransfer.createMany({
      data: [
        {
          providerId: provider.providerId,
          orderId,
          ...step,
          currency: order.currency,
          transferId: transfer.id,
          orderNetMinor: order.totalMinor - order.refundedMinor,
        },
      ],
      skipDuplicates: true,
    });
    done.push({ ...step, transferId: transfer.id });
  }
  return done;
}

/** The transfers an order's payout makes (recorded or not), or null when it pays out nothing. */
export async function payoutPlan(
  db: Db,
  settings: PayoutSettings,
  orderId: string,
): Promise<{ order: { totalMinor: number; refundedMinor: number; currency: string }; plan: Omit<PayoutTransfer, 'transferId'>[] } | null> {
  if (!settings.enabled) return null;
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { status: true, totalMinor: true, refundedMinor: true, currency: true },
  });
  // Paid and not cancelled or refunded in full: a retried payout job may find it packed or shipped already.
  if (!order || !['PAID', 'PACKED', 'SHIPPED', 'DELIVERED'].includes(order.status)) return null;
  const payment = await db.stripePayment.findFirst({ where: { orderId, status: 'CAPTURED' }, select: { paymentIntentId: true } });
  if (!payment) return null;
  const credits = await db.commissionEntry.groupBy({ by: ['hostId'], where: { orderId }, _sum: { amountMinor: true } });
  const plan: Omit<PayoutTransfer, 'transferId'>[] = [];
  let hostsMinor = 0;
  for (const credit of credits) {
    const account = settings.hostAccounts[credit.hostId];
    const amountMinor = credit._sum.amountMinor ?? 0;
    if (!account || amountMinor <= 0) continue;
    plan.push({ kind: 'HOST', destination: account, amountMinor });
    hostsMinor += amountMinor;
  }
  const brandMinor = order.totalMinor - order.refundedMinor - hostsMinor;
  if (settings.brandAccount && brandMinor > 0) plan.push({ kind: 'BRAND', destination: settings.brandAccount, amountMinor: brandMinor });
  return { order, plan };
}

export interface PayoutReversal {
  destination: string;
  amountMinor: number;
  reversalId: string;
}

/**
 * Takes back from each Connect transfer of an order the share refunded since it was paid out (all of
 * it once the order is cancelled or refunded in full), host shares rounded in the host's favour as the
 * commission ledger does. Each reversal's idempotency key names the transfer and the cumulative amount
 * reversed, so running this again after a crash or for the same refund reverses nothing twice.
 */
export async function reversePayoutOfOrder(db: Db, provider: StripePaymentProvider, orderId: string, retry = 0): Promise<PayoutReversal[]> {
  const done: PayoutReversal[] = [];
  for (const { transfer, target } of await reversalsDue(db, orderId, provider.providerId)) {
    const reversal = await provider.stripe.transfers.createReversal(
      transfer.transferId,
      { amount: target - transfer.reversedMinor, metadata: { orderId } },
      { idempotencyKey: `transfer-reversal-${transfer.transferId}-${target}${retryKey(retry)}` },
    );
    await db.stripeTransfer.updateMany({ where: { id: transfer.id, reversedMinor: { lt: target } }, data: { reversedMinor: target } });
    done.push({ destination: transfer.destination, amountMinor: reversal.amount, reversalId: reversal.id });
  }
  return done;
}

/** A reversal an order's refund still owes: the transfer, what it must have given back in all (target), and what is left to take. */
export interface ReversalDue {
  transfer: { id: string; transferId: string; destination: string; kind: 'BRAND' | 'HOST'; currency: string; reversedMinor: number };
  target: number;
  amountMinor: number;
}

/** The reversals an order's refunds still owe on its transfers (of one Stripe account, or all): what a reversal job does, or failed to do. */
export async function reversalsDue(db: Db, orderId: string, providerId?: string): Promise<ReversalDue[]> {
  const order = await db.order.findUnique({ where: { id: orderId }, select: { status: true, totalMinor: true, refundedMinor: true } });
  if (!order) return [];
  const transfers = await db.stripeTransfer.findMany({
    where: { orderId, ...(providerId ? { providerId } : {}) },
    orderBy: { createdAt: 'asc' },
  });
  const ended = order.status === 'CANCELLED' || order.status === 'REFUNDED';
  const due: ReversalDue[] = [];
  for (const transfer of transfers) {
    const base = transfer.orderNetMinor ?? order.totalMinor;
    const left = ended || base <= 0 ? 0 : Math.min(Math.max(order.totalMinor - order.refundedMinor, 0), base);
    const keptExact = (transfer.amountMinor * left) / base;
    const kept = base <= 0 ? 0 : transfer.kind === 'HOST' ? Math.ceil(keptExact) : Math.floor(keptExact);
    const target = transfer.amountMinor - kept;
    if (target > transfer.reversedMinor) due.push({ transfer, target, amountMinor: target - transfer.reversedMinor });
  }
  return due;
}
