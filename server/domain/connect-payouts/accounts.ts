import { z } from 'zod';
import { requireBrandMember } from '../brands';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';

// The Stripe Connect accounts money is transferred to: a brand's on its Brand row (with the brand's
// payouts switch), a host's on their User row. Shown only by their last four characters, as keys are.

const ACCOUNT_ID = /^acct_[A-Za-z0-9]{1,60}$/;

export const connectSettingsInputSchema = z.object({
  accountId: z.string().trim().max(80).default(''),
  payoutsEnabled: z.boolean().default(false),
});
export type ConnectSettingsInput = z.input<typeof connectSettingsInputSchema>;

/** A connected account id as typed: blank removes it, anything else must be acct_… */
export function parseConnectAccount(input: string): string | null {
  const id = input.trim();
  if (id === '') return null;
  if (!ACCOUNT_ID.test(id)) throw new AppError('STRIPE_ACCOUNT_FORMAT', 'a Stripe connected account id is acct_ and letters or digits');
  return id;
}

export function maskAccount(id: string | null): string | null {
  return id ? `acct_••••${id.slice(-4)}` : null;
}

export interface PayoutSkipView {
  orderId: string;
  orderNumber: number;
  hostName: string;
  amountMinor: number;
  currency: string;
  at: Date;
}

export interface BrandConnectView {
  accountMasked: string | null;
  payoutsEnabled: boolean;
  /** Hosts left out of recent payouts for want of a connected account: the brand owes them by hand. */
  skips: PayoutSkipView[];
}

export async function getBrandConnect(db: Db, actor: Actor, slug: string): Promise<BrandConnectView> {
  const { brandId } = await requireBrandMember(db, actor, { slug }, { owner: true });
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { stripeAccountId: true, stripePayoutsEnabled: true } });
  const skips = await db.stripePayoutSkip.findMany({ where: { brandId }, orderBy: { createdAt: 'desc' }, take: 20 });
  const [orders, hosts] = await Promise.all([
    db.order.findMany({ where: { id: { in: skips.map((s) => s.orderId) } }, select: { id: true, number: true } }),
    db.user.findMany({ where: { id: { in: skips.map((s) => s.hostId) } }, select: { id: true, name: true } }),
  ]);
  const numbers = new Map(orders.map((o) => [o.id, o.number]));
  const names = new Map(hosts.map((h) => [h.id, h.name]));
  return {
    accountMasked: maskAccount(brand.stripeAccountId),
    payoutsEnabled: brand.stripePayoutsEnabled,
    skips: skips.map((s) => ({
      orderId: s.orderId,
      orderNumber: numbers.get(s.orderId) ?? 0,
      hostName: names.get(s.hostId) ?? '—',
      amountMinor: s.amountMinor,
      currency: s.currency,
      at: s.createdAt,
    })),
  };
}

/** The brand's connected account and switch, owners only. A blank account keeps the saved one. */
export async function saveBrandConnect(db: Db, actor: Actor, slug: string, input: ConnectSettingsInput): Promise<void> {
  const { brandId } = await requireBrandMember(db, actor, { slug }, { owner: true });
  const given = connectSettingsInputSchema.parse(input);
  const accountId = parseConnectAccount(given.accountId);
  if (given.payoutsEnabled && !accountId) {
    // Paying out with no brand account would transfer the hosts and leave the rest on the platform unnoticed.
    const saved = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { stripeAccountId: true } });
    if (!saved.stripeAccountId) throw new AppError('STRIPE_ACCOUNT_FORMAT', `brand ${slug}: payouts on without a connected account`);
  }
  await db.brand.update({
    where: { id: brandId },
    data: { stripePayoutsEnabled: given.payoutsEnabled, ...(accountId ? { stripeAccountId: accountId } : {}) },
  });
}

export async function getMyConnectAccount(db: Db, actor: Actor): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { stripeAccountId: true } });
  return maskAccount(user?.stripeAccountId ?? null);
}

/** A host's own connected account; blank removes it (their commission is then settled by hand). */
export async function saveMyConnectAccount(db: Db, actor: Actor, accountId: string): Promise<void> {
  await db.user.update({ where: { id: actor.userId }, data: { stripeAccountId: parseConnectAccount(accountId) } });
}
