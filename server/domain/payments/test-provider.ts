import { createHash } from 'node:crypto';
import type { PaymentAuthorization, PaymentAuthorizationRequest, PaymentProvider } from './provider';

/**
 * Test cards by token: any token ending in `_decline` is declined and one ending
 * in `_insufficient` fails for insufficient funds; every other `tok_test_` token
 * succeeds. Authorizations are kept in memory, keyed by idempotency key, so a
 * retried authorization returns the same reference.
 */
export class TestPaymentProvider implements PaymentProvider {
  readonly name = 'test';
  private readonly authorizations = new Map<string, { reference: string; state: 'authorized' | 'captured' | 'voided' }>();
  private readonly byReference = new Map<string, { reference: string; state: 'authorized' | 'captured' | 'voided' }>();

  async authorize(request: PaymentAuthorizationRequest): Promise<PaymentAuthorization> {
    if (!request.token.startsWith('tok_test_')) return { ok: false, reason: 'declined' };
    if (request.token.endsWith('_decline')) return { ok: false, reason: 'declined' };
    if (request.token.endsWith('_insufficient')) return { ok: false, reason: 'insufficient_funds' };
    const existing = this.authorizations.get(request.idempotencyKey);
    if (existing) return { ok: true, reference: existing.reference };
    const reference = `test_auth_${createHash('sha256').update(request.idempotencyKey).digest('hex').slice(0, 24)}`;
    const authorization = { reference, state: 'authorized' as const };
    this.authorizations.set(request.idempotencyKey, authorization);
    this.byReference.set(reference, authorization);
    return { ok: true, reference };
  }

  async capture(reference: string): Promise<void> {
    this.setState(reference, 'captured');
  }

  async void(reference: string): Promise<void> {
    this.setState(reference, 'voided');
  }

  private setState(reference: string, state: 'captured' | 'voided') {
    const authorization = this.byReference.get(reference);
    if (authorization) authorization.state = state;
  }
}
