/**
 * What the order flow needs from a payment provider. The built-in test provider
 * implements it locally; a real provider is another implementation of the same
 * interface (issue #5 extends it with refunds and webhooks).
 */
export interface PaymentAuthorizationRequest {
  token: string;
  amountMinor: number;
  currency: string;
  /** The provider must treat two requests with the same key as one. */
  idempotencyKey: string;
}

export type PaymentAuthorization =
  | { ok: true; reference: string }
  | { ok: false; reason: 'declined' | 'insufficient_funds' };

export interface PaymentProvider {
  readonly name: string;
  authorize(request: PaymentAuthorizationRequest): Promise<PaymentAuthorization>;
  capture(reference: string): Promise<void>;
  /** Releases an authorization that will not be captured (for example, sold out). */
  void(reference: string): Promise<void>;
}
