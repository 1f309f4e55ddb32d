// The test payment provider, keeping count of what the app asked of it per
// idempotency key: the provider's side of "one capture per key, a void for every
// refused tap". Sends no webhooks: the bench server has no page server to take them.
import { TestPaymentProvider } from '../../server/domain/payments';
import type { PaymentAuthorization, PaymentAuthorizationRequest } from '../../server/domain/payments';
import type { LedgerEntry } from './harness';

export class RecordingPaymentProvider extends TestPaymentProvider {
  private readonly byKey = new Map<string, LedgerEntry>();
  private readonly byReference = new Map<string, LedgerEntry>();

  override async authorize(request: PaymentAuthorizationRequest): Promise<PaymentAuthorization> {
    const result = await super.authorize(request);
    if (!result.ok) return result;
    let entry = this.byKey.get(request.idempotencyKey);
    if (!entry) {
      entry = { key: request.idempotencyKey, reference: result.reference, authorizations: 0, captures: 0, voids: 0, state: 'authorized' };
      this.byKey.set(request.idempotencyKey, entry);
      this.byReference.set(result.reference, entry);
    }
    entry.authorizations++;
    return result;
  }

  // Only calls that change the authorization's state count, as the provider's own
  // ledger has it; a call the provider refuses (throws) changes nothing.
  override async capture(reference: string): Promise<void> {
    await super.capture(reference);
    const entry = this.byReference.get(reference);
    if (entry?.state === 'authorized') {
      entry.state = 'captured';
      entry.captures++;
    }
  }

  override async void(reference: string): Promise<void> {
    await super.void(reference);
    const entry = this.byReference.get(reference);
    if (entry?.state === 'authorized') {
      entry.state = 'voided';
      entry.voids++;
    }
  }

  entries(prefix: string): LedgerEntry[] {
    return [...this.byKey.values()].filter((e) => e.key.startsWith(prefix));
  }
}
