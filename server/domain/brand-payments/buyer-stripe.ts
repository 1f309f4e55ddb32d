import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import {
  completeMyStripePayment,
  finishCardSetup,
  pendingAuthentication,
  startCardSetup,
  type CompletionOutcome,
} from '../stripe-payments';
import type { BrandPaymentRouter } from './payment-router';

// What a buyer's pages ask of a brand's Stripe account: a SetupIntent for the card form (Stripe
// Elements), keeping the card it saved, and finishing an order that waits for 3-D Secure.

export interface CardFormStart {
  brandName: string;
  publishableKey: string;
  clientSecret: string;
  setupIntentId: string;
}

// The card page's address names the brand by slug, or by id where a page knows only that (the show page).
const brandWhere = (slugOrId: string) => ({ OR: [{ slug: slugOrId }, { id: slugOrId }] });

/** Null when the brand does not take cards through Stripe (the wallet's own card form applies). */
export async function startStripeCardForm(
  db: Db,
  router: BrandPaymentRouter,
  actor: Actor,
  brandSlug: string,
): Promise<CardFormStart | null> {
  const brand = await db.brand.findFirst({ where: brandWhere(brandSlug), select: { id: true, name: true } });
  if (!brand) throw new AppError('BRAND_NOT_FOUND', `no brand ${brandSlug}`);
  const stripe = await router.stripeOfBrand(brand.id);
  if (!stripe) return null;
  const setup = await startCardSetup(db, stripe.provider, actor.userId);
  return { brandName: brand.name, publishableKey: stripe.credentials.publishableKey, ...setup };
}

export async function finishStripeCardForm(
  db: Db,
  router: BrandPaymentRouter,
  actor: Actor,
  brandSlug: string,
  setupIntentId: string,
): Promise<{ brand: string; last4: string }> {
  const brand = await db.brand.findFirst({ where: brandWhere(brandSlug), select: { id: true } });
  const stripe = brand ? await router.stripeOfBrand(brand.id) : null;
  if (!stripe) throw new AppError('BRAND_NOT_FOUND', `brand ${brandSlug} takes no Stripe cards`);
  const card = await finishCardSetup(db, stripe.provider, actor.userId, setupIntentId);
  return { brand: card.brand, last4: card.last4 };
}

/** The buyer's order waiting for 3-D Secure (the latest, or the one named), with what stripe.handleNextAction needs. */
export async function waitingConfirmation(
  db: Db,
  router: BrandPaymentRouter,
  actor: Actor,
  orderId?: string,
): Promise<{ orderId: string; publishableKey: string; clientSecret: string } | null> {
  const waiting = await pendingAuthentication(db, actor.userId, orderId);
  const stripe = waiting ? await router.stripeById(waiting.providerId) : null;
  if (!waiting || !stripe) return null;
  return { orderId: waiting.orderId, publishableKey: stripe.credentials.publishableKey, clientSecret: waiting.clientSecret };
}

/** The buyer's page after the bank's check: PAID, RELEASED, or still WAITING (the webhook finishes it). */
export async function finishConfirmation(db: Db, router: BrandPaymentRouter, actor: Actor, orderId: string): Promise<CompletionOutcome> {
  return completeMyStripePayment(db, async (providerId) => (await router.stripeById(providerId))?.provider ?? null, actor.userId, orderId);
}

/** Where a 3-D Secure order stands once the buyer's sheet over the stream has run the bank's check. */
export interface BankCheckResult {
  /** PAID: confirmed; RELEASED: the bank refused (or the hold expired), units back, nothing charged; WAITING: no answer yet. */
  outcome: 'PAID' | 'RELEASED' | 'WAITING';
  orderNumber: number;
  totalMinor: number;
  currency: string;
}

const SETTLED_PAID = new Set(['PAID', 'PACKED', 'SHIPPED', 'DELIVERED']);

/**
 * finishConfirmation, answered as what the buyer's sheet says: an order the webhook (or the sweeper)
 * settled first reads as it ended, paid or released, never as "already settled".
 */
export async function finishBankCheck(db: Db, router: BrandPaymentRouter, actor: Actor, orderId: string): Promise<BankCheckResult> {
  const outcome = await finishConfirmation(db, router, actor, orderId);
  const order = await db.order.findFirst({
    where: { id: orderId, buyerId: actor.userId },
    select: { status: true, number: true, totalMinor: true, currency: true },
  });
  const facts = { orderNumber: order?.number ?? 0, totalMinor: order?.totalMinor ?? 0, currency: order?.currency ?? 'USD' };
  if (outcome === 'WAITING' && order?.status === 'PLACED') return { outcome, ...facts };
  return { outcome: order && SETTLED_PAID.has(order.status) ? 'PAID' : 'RELEASED', ...facts };
}
