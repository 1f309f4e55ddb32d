// Test helper (not app code): the test provider, counting what reached it.
import type { PaymentAuthorization, PaymentAuthorizationRequest, RefundRequest } from './provider';
import { TestPaymentProvider } from './test-provider';

export class CountingProvider extends TestPaymentProvider {
  readonly authorizations = new Map<string, number>();
  readonly captures = new Map<string, number>();
  /** Refund calls the provider accepted that paid out (a repeated key pays nothing new). */
  refunds = 0;
  /** Minor units those refunds paid out. */
  paidOutMinor = 0;
  private readonly refundKeys = new Set<string>();

  override async authorize(request: PaymentAuthorizationRequest): Promise<PaymentAuthorization> {
    this.authorizations.set(request.idempotencyKey, (this.authorizations.get(request.idempotencyKey) ?? 0) + 1);
    return super.authorize(request);
  }

  override async capture(reference: string): Promise<void> {
    this.captures.set(reference, (this.captures.get(reference) ?? 0) + 1);
    return super.capture(reference);
  }

  override async refund(request: RefundRequest): Promise<{ refundRef: string }> {
    const result = await super.refund(request);
    if (!this.refundKeys.has(request.idempotencyKey)) {
      this.refunds++;
      this.paidOutMinor += request.amountMinor;
    }
    this.refundKeys.add(request.idempotencyKey);
    return result;
  }
}
