import type { Db } from '../context';
import type {
  CardDetails,
  PaymentAuthorization,
  PaymentAuthorizationRequest,
  PaymentProvider,
  PaymentScope,
  RefundRequest,
  TokenizedCard,
} from '../payments';
import { StripePaymentProvider, stripeClient, type StripeApiEndpoint, type StripeCredentials } from '../stripe-payments';
import { openStripeCredentials } from './credentials';

/**
 * How long a brand's choice is trusted on this node. A change made on this node is seen at once
 * (forget); one made on another node within this time. A TTL rather than the cluster channel: the
 * router is domain code that runs the same with or without Redis, a brand switches providers
 * rarely, and re-reading the choice costs one query per brand per node every few seconds.
 */
const CHOICE_TTL_MS = 5_000;
const MAX_CACHED_SHOWS = 10_000;

export interface LoadedStripe {
  provider: StripePaymentProvider;
  credentials: StripeCredentials;
  settings: unknown;
  enabled: boolean;
}

/**
 * The process's payment provider: the built-in (or given) provider for everything, except that an
 * order of a brand with an enabled Stripe row is charged through that brand's Stripe account, and an
 * order once charged through Stripe is voided, refunded and looked up there even after the brand
 * switched back. The order pipeline, refunds and the sweeper ask `resolve`; every other call (the
 * wallet's test cards) goes to the fallback.
 */
export class BrandPaymentRouter implements PaymentProvider {
  readonly name: string;
  readonly inlineCharge: PaymentProvider['inlineCharge'];
  // Promises, so a storm of taps on a cold cache asks the database once, not once per tap (issue 14).
  private readonly showBrands = new Map<string, Promise<string | null>>();
  private readonly choices = new Map<string, { at: number; choice: Promise<{ providerId: string | null; provider: PaymentProvider }> }>();
  private readonly stripes = new Map<string, { updatedAt: number; loaded: LoadedStripe }>();

  constructor(
    private readonly db: Db,
    readonly fallback: PaymentProvider,
    private readonly options: { secretsKey: Buffer; stripeApi?: StripeApiEndpoint; now?: () => number },
  ) {
    this.name = fallback.name;
    this.inlineCharge = fallback.inlineCharge;
  }

  async resolve(scope: PaymentScope): Promise<PaymentProvider> {
    if ('orderId' in scope) {
      const charged = await this.db.stripePayment.findFirst({ where: { orderId: scope.orderId }, select: { providerId: true } });
      return (charged && (await this.stripeById(charged.providerId))?.provider) ?? this.fallback;
    }
    // Every tap asks this before its one statement: from memory, without a query, once the brand's choice is known.
    const brandId = await this.brandOfShow(scope.showId);
    return brandId ? (await this.choiceOf(brandId)).provider : this.fallback;
  }

  /** A brand's Stripe row, opened, enabled or not (webhooks and refunds of earlier charges need it). */
  async stripeById(providerId: string): Promise<LoadedStripe | null> {
    const row = await this.db.brandPaymentProvider.findUnique({ where: { id: providerId } });
    if (!row || row.kind !== 'STRIPE' || !row.credentialsSealed) return null;
    const cached = this.stripes.get(providerId);
    if (cached && cached.updatedAt === row.updatedAt.getTime()) return { ...cached.loaded, settings: row.settings, enabled: row.enabled };
    const credentials = openStripeCredentials(this.options.secretsKey, row.credentialsSealed);
    const provider = new StripePaymentProvider(this.db, row.id, stripeClient(credentials.secretKey, this.options.stripeApi));
    const loaded = { provider, credentials, settings: row.settings, enabled: row.enabled };
    this.stripes.set(providerId, { updatedAt: row.updatedAt.getTime(), loaded });
    return loaded;
  }

  /** The Stripe provider a brand charges new orders with, or null for the fallback. */
  async stripeOfBrand(brandId: string): Promise<LoadedStripe | null> {
    const { providerId } = await this.choiceOf(brandId);
    return providerId ? this.stripeById(providerId) : null;
  }

  /** Whether a new order in this show is charged through Stripe (its page then admits Stripe.js for 3-D Secure). */
  async showTakesStripe(showId: string): Promise<boolean> {
    const brandId = await this.brandOfShow(showId);
    return brandId !== null && (await this.choiceOf(brandId)).providerId !== null;
  }

  /** A brand's choice changed on this node: the next order reads it afresh. */
  forget(brandId: string): void {
    this.choices.delete(brandId);
  }

  /** The Stripe client options tests point at a stand-in (connection checks use them too). */
  get stripeApi(): StripeApiEndpoint | undefined {
    return this.options.stripeApi;
  }

  private brandOfShow(showId: string): Promise<string | null> {
    const known = this.showBrands.get(showId);
    if (known) return known;
    // A show's brand never changes; the map only needs a bound. An unknown show is asked again next time.
    if (this.showBrands.size >= MAX_CACHED_SHOWS) this.showBrands.clear();
    const asking = this.db.show.findUnique({ where: { id: showId }, select: { brandId: true } }).then((show) => show?.brandId ?? null);
    this.showBrands.set(showId, asking);
    const drop = () => this.showBrands.get(showId) === asking && this.showBrands.delete(showId);
    asking.then((brandId) => brandId ?? drop(), drop);
    return asking;
  }

  /** The brand's provider for new orders, with the id of its Stripe row when it is Stripe. */
  private choiceOf(brandId: string): Promise<{ providerId: string | null; provider: PaymentProvider }> {
    const now = this.options.now?.() ?? Date.now();
    const cached = this.choices.get(brandId);
    if (cached && now - cached.at < CHOICE_TTL_MS) return cached.choice;
    const choice = this.db.brandPaymentProvider
      .findFirst({ where: { brandId, kind: 'STRIPE', enabled: true, credentialsSealed: { not: '' } }, select: { id: true } })
      .then(async (row) => {
        // The opened Stripe provider is kept with the choice: a tap does not read the row again.
        const stripe = row ? await this.stripeById(row.id) : null;
        return { providerId: stripe ? row!.id : null, provider: stripe?.provider ?? this.fallback };
      });
    const entry = { at: now, choice };
    this.choices.set(brandId, entry);
    // A failed read is not remembered: the next order asks again.
    choice.catch(() => this.choices.get(brandId) === entry && this.choices.delete(brandId));
    return choice;
  }

  tokenizeCard(card: CardDetails): Promise<TokenizedCard> {
    return this.fallback.tokenizeCard(card);
  }
  authorize(request: PaymentAuthorizationRequest): Promise<PaymentAuthorization> {
    return this.fallback.authorize(request);
  }
  verifyCard(token: string): Promise<{ ok: true } | { ok: false; reason: 'declined' }> {
    return this.fallback.verifyCard(token);
  }
  capture(reference: string): Promise<void> {
    return this.fallback.capture(reference);
  }
  void(reference: string): Promise<void> {
    return this.fallback.void(reference);
  }
  refund(request: RefundRequest): Promise<{ refundRef: string }> {
    return this.fallback.refund(request);
  }
  lookup(idempotencyKey: string): ReturnType<PaymentProvider['lookup']> {
    return this.fallback.lookup(idempotencyKey);
  }
}

/** The router behind `services().payments`, when the app runs one (always, from server/app.ts). */
export function brandPaymentRouter(payments: PaymentProvider): BrandPaymentRouter | null {
  // Next.js bundles pages apart from the server's modules: the router the server built is not an
  // instance of the pages' copy of this class, so it is recognised by what it offers.
  const candidate = payments as Partial<BrandPaymentRouter>;
  const offers =
    typeof candidate.stripeById === 'function' && typeof candidate.stripeOfBrand === 'function' && typeof candidate.forget === 'function';
  return offers ? (payments as BrandPaymentRouter) : null;
}
