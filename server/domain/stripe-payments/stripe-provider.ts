import type { Db } from '../context';
import { AppError } from '../errors';
import type { PaymentAuthorization, PaymentAuthorizationRequest, PaymentProvider, RefundRequest, TokenizedCard } from '../payments';
import { parseStripeCardToken, STRIPE_PROVIDER_NAME, type StripeCardToken } from './card-token';
import { Stripe } from './stripe-client';

type ChargeState = 'authorized' | 'captured' | 'voided';
type RowStatus = 'REQUIRES_ACTION' | 'AUTHORIZED' | 'CAPTURED' | 'CANCELED' | 'FAILED';

/**
 * Cards through one brand's Stripe account. A one-tap purchase is a PaymentIntent on the buyer's
 * saved PaymentMethod, off-session, with manual capture: authorized here, captured (or cancelled)
 * by the order pipeline after the stock is taken. Every call carries an idempotency key derived
 * from ours, and the PaymentIntent is remembered by our payment key (StripePayment), so a retried
 * authorization asks Stripe what became of the first one instead of creating another.
 */
export class StripePaymentProvider implements PaymentProvider {
  readonly name = STRIPE_PROVIDER_NAME;

  constructor(
    private readonly db: Db,
    readonly providerId: string,
    readonly stripe: Stripe,
  ) {}

  // Card numbers never reach this server: Stripe Elements saves them (card-setup.ts).
  async tokenizeCard(): Promise<TokenizedCard> {
    throw new AppError('STRIPE_CARDS_BY_ELEMENTS', `provider ${this.providerId} saves cards through Stripe Elements only`);
  }

  async verifyCard(token: string): Promise<{ ok: true } | { ok: false; reason: 'declined' }> {
    // A SetupIntent already verified the card with the bank when it was saved.
    return parseStripeCardToken(token)?.providerId === this.providerId ? { ok: true } : { ok: false, reason: 'declined' };
  }

  async authorize(request: PaymentAuthorizationRequest): Promise<PaymentAuthorization> {
    const existing = await this.db.stripePayment.findUnique({ where: { paymentKey: request.idempotencyKey } });
    if (existing) return this.answer(await this.stripe.paymentIntents.retrieve(existing.paymentIntentId), request);
    const card = await this.cardFor(request);
    if (!card) return { ok: false, reason: 'card_not_accepted' };
    let intent: Stripe.PaymentIntent;
    try {
      intent = await this.stripe.paymentIntents.create(
        {
          amount: request.amountMinor,
          currency: request.currency.toLowerCase(),
          customer: card.customerId,
          payment_method: card.paymentMethodId,
          capture_method: 'manual',
          confirm: true,
          off_session: true,
          metadata: { paymentKey: request.idempotencyKey, ...(request.orderId ? { orderId: request.orderId } : {}) },
        },
        { idempotencyKey: `pi-${request.idempotencyKey}` },
      );
    } catch (error) {
      const failed = error instanceof Stripe.errors.StripeCardError ? error.payment_intent : undefined;
      if (!(error instanceof Stripe.errors.StripeCardError) || !failed) throw error;
      if (error.code !== 'authentication_required') {
        await this.remember(request, failed, 'FAILED');
        return { ok: false, reason: error.decline_code === 'insufficient_funds' ? 'insufficient_funds' : 'declined' };
      }
      // The bank wants the buyer (3-D Secure). They are watching the show: confirm on-session so the
      // PaymentIntent waits in requires_action and the page completes it with stripe.handleNextAction.
      intent = await this.stripe.paymentIntents.confirm(
        failed.id,
        { payment_method: card.paymentMethodId, use_stripe_sdk: true },
        { idempotencyKey: `confirm-${request.idempotencyKey}` },
      );
    }
    return this.answer(intent, request);
  }

  async capture(reference: string): Promise<void> {
    const intent = await this.stripe.paymentIntents.retrieve(reference);
    if (intent.status === 'succeeded') return;
    if (intent.status !== 'requires_capture')
      throw new AppError('PAYMENT_NOT_CAPTURABLE', `payment intent ${reference} is ${intent.status}`);
    await this.stripe.paymentIntents.capture(reference, {}, { idempotencyKey: `capture-${reference}` });
    await this.setStatus(reference, 'CAPTURED');
  }

  async void(reference: string): Promise<void> {
    const intent = await this.stripe.paymentIntents.retrieve(reference);
    if (intent.status === 'canceled' || intent.status === 'succeeded') return;
    await this.stripe.paymentIntents.cancel(reference, {}, { idempotencyKey: `cancel-${reference}` });
    await this.setStatus(reference, 'CANCELED');
  }

  async refund(request: RefundRequest): Promise<{ refundRef: string }> {
    if (!Number.isInteger(request.amountMinor) || request.amountMinor <= 0)
      throw new AppError('REFUND_AMOUNT_ZERO', `refund amount ${request.amountMinor}`);
    try {
      const refund = await this.stripe.refunds.create(
        { payment_intent: request.reference, amount: request.amountMinor, metadata: { refundKey: request.idempotencyKey } },
        { idempotencyKey: `refund-${request.idempotencyKey}` },
      );
      return { refundRef: refund.id };
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'charge_already_refunded')
        throw new AppError('REFUND_OVER', `payment intent ${request.reference} is refunded`);
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.param === 'amount')
        throw new AppError('REFUND_OVER', `refund over what is left of ${request.reference}`);
      throw error;
    }
  }

  async lookup(idempotencyKey: string): Promise<{ reference: string; state: ChargeState } | null> {
    const row = await this.db.stripePayment.findUnique({ where: { paymentKey: idempotencyKey } });
    if (!row) return null;
    const intent = await this.stripe.paymentIntents.retrieve(row.paymentIntentId);
    return { reference: intent.id, state: chargeState(intent.status) };
  }

  /** The buyer's card in this account: the default one when it is from here, else their latest saved here. */
  private async cardFor(request: PaymentAuthorizationRequest): Promise<StripeCardToken | null> {
    const given = parseStripeCardToken(request.token);
    if (given?.providerId === this.providerId) return given;
    if (!request.buyerId) return null;
    const saved = await this.db.paymentMethod.findFirst({
      where: { userId: request.buyerId, provider: STRIPE_PROVIDER_NAME, token: { startsWith: `stripe:${this.providerId}:` } },
      orderBy: [{ isDefault: 'desc' }, { createdAt: 'desc' }],
      select: { token: true },
    });
    return saved ? parseStripeCardToken(saved.token) : null;
  }

  private async answer(intent: Stripe.PaymentIntent, request: PaymentAuthorizationRequest): Promise<PaymentAuthorization> {
    switch (intent.status) {
      case 'requires_capture':
        await this.remember(request, intent, 'AUTHORIZED');
        return { ok: true, reference: intent.id };
      case 'succeeded':
        await this.remember(request, intent, 'CAPTURED');
        return { ok: true, reference: intent.id };
      case 'requires_action':
      case 'requires_confirmation':
        await this.remember(request, intent, 'REQUIRES_ACTION');
        return { ok: false, reason: 'action_required', reference: intent.id, clientSecret: intent.client_secret ?? '' };
      case 'canceled':
        await this.remember(request, intent, 'CANCELED');
        return { ok: false, reason: 'declined' };
      default:
        // requires_payment_method: the authentication failed or the bank refused.
        await this.remember(request, intent, 'FAILED');
        return { ok: false, reason: 'declined' };
    }
  }

  private async remember(request: PaymentAuthorizationRequest, intent: Stripe.PaymentIntent, status: RowStatus): Promise<void> {
    const clientSecret = status === 'REQUIRES_ACTION' ? intent.client_secret : null;
    await this.db.stripePayment.upsert({
      where: { paymentKey: request.idempotencyKey },
      create: {
        providerId: this.providerId,
        paymentKey: request.idempotencyKey,
        orderId: request.orderId ?? null,
        paymentIntentId: intent.id,
        status,
        amountMinor: request.amountMinor,
        currency: request.currency,
        clientSecret,
      },
      update: { status, clientSecret, ...(request.orderId ? { orderId: request.orderId } : {}) },
    });
  }

  private async setStatus(paymentIntentId: string, status: RowStatus): Promise<void> {
    await this.db.stripePayment.updateMany({ where: { paymentIntentId }, data: { status, clientSecret: null } });
  }
}

function chargeState(status: Stripe.PaymentIntent.Status): ChargeState {
  if (status === 'succeeded') return 'captured';
  if (status === 'canceled' || status === 'requires_payment_method') return 'voided';
  return 'authorized';
}
