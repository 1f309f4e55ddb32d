import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import { cardBrand, validateCard } from './card-validation';
import type {
  CardDetails,
  InlineCharge,
  PaymentAuthorization,
  PaymentAuthorizationRequest,
  PaymentProvider,
  RefundRequest,
  TokenizedCard,
} from './provider';
import type { PaymentWebhookEvent } from './webhook-events';
import { processSingleton } from '../../process-registry';

/** Test card numbers and the tokens they become (the token decides what happens at authorization). */
export const TEST_CARDS = {
  '4242424242424242': 'tok_test_visa_4242',
  '4000000000000002': 'tok_test_visa_decline',
  '4000000000009995': 'tok_test_visa_insufficient',
} as const satisfies Record<string, string>;

/** Where the test provider sends its events; see webhook-sender.ts for the HTTP one. */
export type PaymentWebhookSink = (event: PaymentWebhookEvent) => void;

type AuthorizationState = 'authorized' | 'captured' | 'voided';
interface Authorization {
  reference: string;
  amountMinor: number;
  currency: string;
  state: AuthorizationState;
  refundedMinor: number;
}
interface RefundRecord {
  refundRef: string;
  reference: string;
  amountMinor: number;
}
interface Ledger {
  authorizations: Map<string, Authorization>;
  byReference: Map<string, Authorization>;
  refunds: Map<string, RefundRecord>;
}

// One ledger per process, shared by every instance (the socket server's and the
// pages'), as a real provider's would be. It is only the provider's memory: after
// a restart it is empty, and refunds of older captures are checked against our
// own Payment rows by the caller (refundOrder).
const ledger: Ledger = processSingleton<Ledger>('test-payments-ledger', () => ({
  authorizations: new Map(),
  byReference: new Map(),
  refunds: new Map(),
}));

const referenceFor = (idempotencyKey: string) => `test_auth_${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 24)}`;

/**
 * Test cards by token: any token ending in `_decline` is declined and one ending
 * in `_insufficient` fails for insufficient funds; every other `tok_test_` token
 * succeeds. Retried authorizations and refunds (same idempotency key) return the
 * first answer. With a webhook sink it announces captures, voids and refunds as
 * signed events, like a real provider.
 */
export class TestPaymentProvider implements PaymentProvider {
  readonly name = 'test';

  /** Every `tok_test_` token but the declining ones (authorize below): the same rule, for the database. */
  readonly inlineCharge: InlineCharge = {
    certainTokens: '^tok_test_(?!.*_(decline|insufficient)$)',
    reference: (idempotencyKey) => {
      const existing = ledger.authorizations.get(idempotencyKey);
      if (existing) return existing.state === 'voided' ? null : existing.reference;
      return referenceFor(idempotencyKey);
    },
  };

  constructor(private readonly options: { webhooks?: PaymentWebhookSink; now?: () => Date } = {}) {}

  async tokenizeCard(card: CardDetails): Promise<TokenizedCard> {
    const digits = validateCard(card, this.options.now?.());
    const brand = cardBrand(digits);
    const last4 = digits.slice(-4);
    const known = (TEST_CARDS as Record<string, string>)[digits];
    // Any other valid number succeeds; the random part keeps tokens of different cards apart.
    const token = known ?? `tok_test_${brand}_${last4}_${randomBytes(6).toString('hex')}`;
    return { token, brand, last4, expMonth: card.expMonth, expYear: card.expYear };
  }

  async verifyCard(token: string): Promise<{ ok: true } | { ok: false; reason: 'declined' }> {
    if (!token.startsWith('tok_test_') || token.endsWith('_decline')) return { ok: false, reason: 'declined' };
    return { ok: true };
  }

  async authorize(request: PaymentAuthorizationRequest): Promise<PaymentAuthorization> {
    if (!request.token.startsWith('tok_test_')) return { ok: false, reason: 'declined' };
    if (request.token.endsWith('_decline')) return { ok: false, reason: 'declined' };
    if (request.token.endsWith('_insufficient')) return { ok: false, reason: 'insufficient_funds' };
    const existing = ledger.authorizations.get(request.idempotencyKey);
    if (existing) return { ok: true, reference: existing.reference };
    const reference = referenceFor(request.idempotencyKey);
    const authorization: Authorization = {
      reference,
      amountMinor: request.amountMinor,
      currency: request.currency,
      state: 'authorized',
      refundedMinor: 0,
    };
    ledger.authorizations.set(request.idempotencyKey, authorization);
    ledger.byReference.set(reference, authorization);
    return { ok: true, reference };
  }

  async capture(reference: string): Promise<void> {
    const authorization = ledger.byReference.get(reference);
    // Same reference, same capture: a retried capture takes nothing twice.
    if (authorization?.state === 'captured') return;
    // Silently doing nothing here once let an order become PAID with no money
    // taken (a key reused after its authorization was voided).
    if (!authorization) throw new AppError('PAYMENT_NOT_CAPTURABLE', `no test authorization ${reference}`);
    if (authorization.state !== 'authorized')
      throw new AppError('PAYMENT_NOT_CAPTURABLE', `test authorization ${reference} is ${authorization.state}`);
    authorization.state = 'captured';
    this.emit('payment.captured', `captured_${reference}`, {
      reference,
      amountMinor: authorization.amountMinor,
      currency: authorization.currency,
    });
  }

  async lookup(idempotencyKey: string): Promise<{ reference: string; state: AuthorizationState } | null> {
    const authorization = ledger.authorizations.get(idempotencyKey);
    return authorization ? { reference: authorization.reference, state: authorization.state } : null;
  }

  async void(reference: string): Promise<void> {
    const authorization = ledger.byReference.get(reference);
    if (!authorization || authorization.state !== 'authorized') return;
    authorization.state = 'voided';
    this.emit('payment.voided', `voided_${reference}`, { reference });
  }

  async refund(request: RefundRequest): Promise<{ refundRef: string }> {
    const previous = ledger.refunds.get(request.idempotencyKey);
    if (previous) {
      if (previous.reference !== request.reference || previous.amountMinor !== request.amountMinor) {
        throw new AppError('INVALID_STATE', `refund key ${request.idempotencyKey} reused with other parameters`);
      }
      return { refundRef: previous.refundRef };
    }
    if (!Number.isInteger(request.amountMinor) || request.amountMinor <= 0)
      throw new AppError('REFUND_AMOUNT_ZERO', `refund amount ${request.amountMinor}`);
    if (!request.reference.startsWith('test_auth_')) throw new AppError('NOT_FOUND', `no test payment ${request.reference}`);
    const authorization = ledger.byReference.get(request.reference);
    if (authorization) {
      if (authorization.state !== 'captured')
        throw new AppError('REFUND_NOT_CAPTURED', `payment ${request.reference} is ${authorization.state}`);
      if (authorization.refundedMinor + request.amountMinor > authorization.amountMinor) {
        throw new AppError('REFUND_OVER', `refund over captured amount of ${request.reference}`);
      }
      authorization.refundedMinor += request.amountMinor;
    }
    const refundRef = `test_refund_${createHash('sha256').update(request.idempotencyKey).digest('hex').slice(0, 24)}`;
    ledger.refunds.set(request.idempotencyKey, { refundRef, reference: request.reference, amountMinor: request.amountMinor });
    this.emit('refund.succeeded', `refunded_${refundRef}`, {
      refundRef,
      reference: request.reference,
      amountMinor: request.amountMinor,
      idempotencyKey: request.idempotencyKey,
    });
    return { refundRef };
  }

  private emit<T extends PaymentWebhookEvent['type']>(type: T, id: string, data: Extract<PaymentWebhookEvent, { type: T }>['data']): void {
    if (!this.options.webhooks) return;
    // Event ids are derived from what happened, so one capture is one event however often it is sent.
    const created = Math.floor((this.options.now?.() ?? new Date()).getTime() / 1000);
    this.options.webhooks({ id: `evt_${id}`, type, created, data } as PaymentWebhookEvent);
  }
}
