import type { Prisma } from '../../db/client';
import type { ShippingAddress } from '../orders';
import type { Actor, Db } from '../context';
import { AppError, invalidField } from '../errors';
import type { PaymentProvider } from './provider';
import { addressInputSchema, cardInputSchema, type AddressInput, type CardInput } from './wallet.schema';

// The buyer's wallet: saved addresses and cards, exactly one default of each
// when there are any (one-tap buying uses the defaults). Every change runs in a
// transaction that first locks the user's row, so two changes of the same
// wallet cannot leave two defaults or none. A row of another user is NOT_FOUND.

export interface WalletAddress extends ShippingAddress {
  id: string;
  isDefault: boolean;
}

export interface WalletCard {
  id: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  isDefault: boolean;
}

export interface Wallet {
  addresses: WalletAddress[];
  cards: WalletCard[];
}

const addressSelect = {
  id: true,
  fullName: true,
  line1: true,
  line2: true,
  city: true,
  region: true,
  postalCode: true,
  country: true,
  phone: true,
  isDefault: true,
} as const;
const cardSelect = { id: true, brand: true, last4: true, expMonth: true, expYear: true, isDefault: true } as const;
const defaultFirst = [{ isDefault: 'desc' as const }, { createdAt: 'desc' as const }];

export async function getWallet(db: Db, actor: Actor): Promise<Wallet> {
  const [addresses, cards] = await Promise.all([
    db.address.findMany({ where: { userId: actor.userId }, select: addressSelect, orderBy: defaultFirst }),
    db.paymentMethod.findMany({ where: { userId: actor.userId }, select: cardSelect, orderBy: defaultFirst }),
  ]);
  return { addresses, cards };
}

/** What one-tap buying still needs from this buyer. */
export async function walletNeeds(db: Db, actor: Actor): Promise<{ address: boolean; card: boolean }> {
  const [address, card] = await Promise.all([
    db.address.count({ where: { userId: actor.userId, isDefault: true } }),
    db.paymentMethod.count({ where: { userId: actor.userId, isDefault: true } }),
  ]);
  return { address: address === 0, card: card === 0 };
}

type Tx = Prisma.TransactionClient;

function inWallet<T>(db: Db, actor: Actor, run: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "id" = ${actor.userId} FOR UPDATE`;
    if (!user) throw new AppError('UNAUTHENTICATED', `user ${actor.userId} no longer exists`);
    return run(tx);
  });
}

export async function addAddress(db: Db, actor: Actor, input: AddressInput, opts: { makeDefault?: boolean } = {}): Promise<WalletAddress> {
  const parsed = addressInputSchema.safeParse(input);
  if (!parsed.success) throw invalidField(parsed.error.issues);
  const data = parsed.data;
  return inWallet(db, actor, async (tx) => {
    const isDefault = opts.makeDefault === true || (await tx.address.count({ where: { userId: actor.userId, isDefault: true } })) === 0;
    if (isDefault) await tx.address.updateMany({ where: { userId: actor.userId, isDefault: true }, data: { isDefault: false } });
    return tx.address.create({ data: { ...data, userId: actor.userId, isDefault }, select: addressSelect });
  });
}

export async function setDefaultAddress(db: Db, actor: Actor, addressId: string): Promise<void> {
  await inWallet(db, actor, async (tx) => {
    await ownAddress(tx, actor, addressId);
    await tx.address.updateMany({ where: { userId: actor.userId, isDefault: true, NOT: { id: addressId } }, data: { isDefault: false } });
    await tx.address.update({ where: { id: addressId }, data: { isDefault: true } });
  });
}

/** Removes an address; when it was the default, the newest other one becomes the default. */
export async function removeAddress(db: Db, actor: Actor, addressId: string): Promise<void> {
  await inWallet(db, actor, async (tx) => {
    const address = await ownAddress(tx, actor, addressId);
    // Orders carry their own copy of the address (Order.ship*), so removing it never changes where one ships.
    await tx.address.delete({ where: { id: addressId } });
    if (!address.isDefault) return;
    const next = await tx.address.findFirst({ where: { userId: actor.userId }, orderBy: { createdAt: 'desc' }, select: { id: true } });
    if (next) await tx.address.update({ where: { id: next.id }, data: { isDefault: true } });
  });
}

async function ownAddress(tx: Tx, actor: Actor, addressId: string): Promise<{ isDefault: boolean }> {
  const address = await tx.address.findFirst({ where: { id: addressId, userId: actor.userId }, select: { isDefault: true } });
  if (!address) throw new AppError('ADDRESS_NOT_FOUND', `address ${addressId} is not ${actor.userId}'s`);
  return address;
}

/**
 * Tokenizes the card with the provider and keeps only the token, brand, last
 * four digits and expiry. The number and security code go no further than the
 * provider call: not into the database, an error or a log line. A card the
 * provider refuses is not kept (PAYMENT_DECLINED): saved as the default, it
 * would decline every later tap.
 */
export async function addPaymentMethod(
  db: Db,
  payments: PaymentProvider,
  actor: Actor,
  input: CardInput,
  opts: { makeDefault?: boolean } = {},
): Promise<WalletCard> {
  const parsed = cardInputSchema.safeParse(input);
  if (!parsed.success) throw invalidField(parsed.error.issues);
  const card = await payments.tokenizeCard(parsed.data);
  const verified = await payments.verifyCard(card.token);
  if (!verified.ok) throw new AppError('CARD_DECLINED_NOT_SAVED', `card ending ${card.last4} refused when saved`);
  return inWallet(db, actor, async (tx) => {
    const isDefault =
      opts.makeDefault === true || (await tx.paymentMethod.count({ where: { userId: actor.userId, isDefault: true } })) === 0;
    if (isDefault) await tx.paymentMethod.updateMany({ where: { userId: actor.userId, isDefault: true }, data: { isDefault: false } });
    return tx.paymentMethod.create({
      data: {
        userId: actor.userId,
        provider: payments.name,
        token: card.token,
        brand: card.brand,
        last4: card.last4,
        expMonth: card.expMonth,
        expYear: card.expYear,
        isDefault,
      },
      select: cardSelect,
    });
  });
}

export async function setDefaultPaymentMethod(db: Db, actor: Actor, paymentMethodId: string): Promise<void> {
  await inWallet(db, actor, async (tx) => {
    await ownCard(tx, actor, paymentMethodId);
    await tx.paymentMethod.updateMany({
      where: { userId: actor.userId, isDefault: true, NOT: { id: paymentMethodId } },
      data: { isDefault: false },
    });
    await tx.paymentMethod.update({ where: { id: paymentMethodId }, data: { isDefault: true } });
  });
}

/** Removes a card; when it was the default, the newest other one becomes the default. */
export async function removePaymentMethod(db: Db, actor: Actor, paymentMethodId: string): Promise<void> {
  await inWallet(db, actor, async (tx) => {
    const card = await ownCard(tx, actor, paymentMethodId);
    await tx.paymentMethod.delete({ where: { id: paymentMethodId } });
    if (!card.isDefault) return;
    const next = await tx.paymentMethod.findFirst({
      where: { userId: actor.userId },
      orderBy: { createdAt: 'desc' },
      select: { id: true },
    });
    if (next) await tx.paymentMethod.update({ where: { id: next.id }, data: { isDefault: true } });
  });
}

async function ownCard(tx: Tx, actor: Actor, paymentMethodId: string): Promise<{ isDefault: boolean }> {
  const card = await tx.paymentMethod.findFirst({ where: { id: paymentMethodId, userId: actor.userId }, select: { isDefault: true } });
  if (!card) throw new AppError('CARD_NOT_FOUND', `payment method ${paymentMethodId} is not ${actor.userId}'s`);
  return card;
}
