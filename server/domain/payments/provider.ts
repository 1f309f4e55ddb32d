/**
 * What the app needs from a payment provider. The built-in test provider
 * implements it locally; a real provider is another implementation of the same
 * interface. Our database rows (Payment, Refund, PaymentWebhookEvent) are the
 * truth about money; a provider's own state only answers the calls below.
 */
export interface PaymentAuthorizationRequest {
  token: string;
  amountMinor: number;
  currency: string;
  /** The provider must treat two requests with the same key as one. */
  idempotencyKey: string;
  /** The reserved order this charge pays for (a provider that keeps its own rows links them to it). */
  orderId?: string;
  /** Who pays: a provider whose cards live in one account may pick the buyer's card saved there. */
  buyerId?: string;
}

/**
 * `action_required`: the bank asks the buyer to authenticate (3-D Secure). Nothing is
 * authorized yet; the order stays reserved while the buyer completes it with `clientSecret`
 * in the browser, and the provider's webhook (or the buyer's return) finishes the order.
 */
export type PaymentAuthorization =
  | { ok: true; reference: string }
  | { ok: false; reason: 'declined' | 'insufficient_funds' }
  /** The buyer's card is saved with another provider or account: they must save one for this shop. */
  | { ok: false; reason: 'card_not_accepted' }
  | { ok: false; reason: 'action_required'; reference: string; clientSecret: string };

/** Which charge a provider is wanted for: a new order in a show, or an existing order's payment. */
export type PaymentScope = { showId: string } | { orderId: string };

/**
 * Card details as typed by the buyer. They exist only for the length of one
 * `tokenizeCard` call: never store, log or echo them.
 */
export interface CardDetails {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
  holder: string;
}

/** What we may keep of a card: the provider's token and what the buyer needs to recognise it. */
export interface TokenizedCard {
  token: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

export interface RefundRequest {
  /** The captured authorization's reference. */
  reference: string;
  amountMinor: number;
  /** Same key, same refund: a retried refund never pays out twice. */
  idempotencyKey: string;
}

/**
 * What a provider that decides a charge in process offers (the built-in test
 * provider): for the cards it names, authorization and capture cannot fail and
 * take no time, so the order pipeline writes the order PAID with its captured
 * Payment row in the same statement that takes the stock, and tells the provider
 * afterwards (authorize, then capture, with the same key). A real provider has
 * none: its charge is a network call that may fail, and every order is reserved
 * before it is charged (order-pipeline.ts).
 */
export interface InlineCharge {
  /** A PostgreSQL regular expression (`~`) matching exactly the card tokens this provider authorizes and captures for certain. */
  readonly certainTokens: string;
  /** The reference a charge under this key gets; null when the key cannot be charged afresh (its authorization was voided). */
  reference(idempotencyKey: string): string | null;
}

export interface PaymentProvider {
  readonly name: string;
  /**
   * The provider that takes this charge when it is not this one: the process's provider routes
   * to the order's brand's provider (server/domain/brand-payments). Absent: this one takes all.
   */
  resolve?(scope: PaymentScope): Promise<PaymentProvider>;
  /** Only on a provider that settles in process; see InlineCharge. */
  readonly inlineCharge?: InlineCharge;
  /** Turns card details into a token; throws INVALID_INPUT for a number or expiry that cannot be right. */
  tokenizeCard(card: CardDetails): Promise<TokenizedCard>;
  authorize(request: PaymentAuthorizationRequest): Promise<PaymentAuthorization>;
  /**
   * Asks whether a card may be charged at all before it is kept (a zero-amount
   * check, as real providers offer): a refused card is never saved. It says
   * nothing about funds, which are only known when an amount is charged.
   */
  verifyCard(token: string): Promise<{ ok: true } | { ok: false; reason: 'declined' }>;
  /**
   * Takes the authorized money. Capturing a captured authorization again is a
   * no-op; one that is voided, expired or unknown throws PAYMENT_NOT_CAPTURABLE,
   * and the caller must not mark anything paid.
   */
  capture(reference: string): Promise<void>;
  /** Releases an authorization that will not be captured (for example, sold out). */
  void(reference: string): Promise<void>;
  /** Pays back part or all of a capture; refuses more than is left (INVALID_STATE). */
  refund(request: RefundRequest): Promise<{ refundRef: string }>;
  /**
   * What the provider did with an authorization's idempotency key, or null when it
   * never saw it. The reservation sweeper asks before it gives back an order whose
   * process died while paying: a captured charge is confirmed, never released.
   */
  lookup(idempotencyKey: string): Promise<{ reference: string; state: 'authorized' | 'captured' | 'voided' } | null>;
}
