// Payments: the payment provider (the built-in test provider), capture, refunds and cancellations
// under the order's row lock, the provider's webhooks, and the wallet (saved addresses and cards).
//
// The module's public door: code outside server/domain/payments/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export { validateCard } from './card-validation';
export { receivePaymentWebhook } from './payment-webhooks';
export { cancelOrder, recordCapturedPayment, refundOrder } from './payments';
export { createPaymentProvider, PAYMENT_WEBHOOK_PATH } from './process-provider';
export {
  type CardDetails,
  type InlineCharge,
  type PaymentAuthorization,
  type PaymentAuthorizationRequest,
  type PaymentProvider,
  type PaymentScope,
  type RefundRequest,
  type TokenizedCard,
} from './provider';
export { applyRefund, refundKey, type RefundOutcome } from './refund-apply';
export { TestPaymentProvider } from './test-provider';
export { type AddressInput, addressInputSchema, type CardInput, cardInputSchema, walletItemIdSchema } from './wallet.schema';
export {
  addAddress,
  addPaymentMethod,
  getWallet,
  removeAddress,
  removePaymentMethod,
  setDefaultAddress,
  setDefaultPaymentMethod,
  walletNeeds,
} from './wallet';
export { PAYMENT_SIGNATURE_HEADER, paymentWebhookSecret } from './webhook-signature';
