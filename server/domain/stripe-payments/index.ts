// Stripe payments (issue 21 item 1): the Stripe provider behind the PaymentProvider interface
// (off-session, manual-capture PaymentIntents on cards saved with SetupIntents through Stripe
// Elements), 3-D Secure completion, refunds, verified webhooks and Connect payouts. Which brand
// uses it, and its sealed keys, live in server/domain/brand-payments.
export { finishCardSetup, startCardSetup, type CardSetupStart } from './card-setup';
export { parseStripeCardToken, STRIPE_PROVIDER_NAME, stripeCardToken, type StripeCardToken } from './card-token';
export { completeMyStripePayment, completeStripePayment, type CompletionOutcome, pendingAuthentication } from './payment-completion';
export {
  payOutOrder,
  payoutPlan,
  type PayoutReversal,
  type PayoutSettings,
  type PayoutTransfer,
  reversalsDue,
  type ReversalDue,
  reversePayoutOfOrder,
} from './payouts';
export { Stripe, stripeClient, type StripeApiEndpoint, type StripeCredentials } from './stripe-client';
export { StripePaymentProvider } from './stripe-provider';
export { receiveStripeWebhook, STRIPE_SIGNATURE_HEADER, stripeWebhookPath, type StripeWebhookReceipt } from './stripe-webhooks';
