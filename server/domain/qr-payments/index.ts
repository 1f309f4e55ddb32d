// QR payments (issue 21): bank QR codes -- KHQR/Bakong (Cambodia), QPay (Mongolia), Lao QR -- for a
// bag checkout: the order is reserved while a code waits to be paid, the job queue asks the bank,
// and the order becomes PAID or its reservation is given back; late and double payments refunded.
//
// The module's public door: code outside server/domain/qr-payments/ imports from here only.
export { qrConfigOf, type QrConfig, type QrEnv } from './qr-config';
export {
  type BagQrCheckoutRequest,
  buyNowByQr,
  checkoutBagByQr,
  getMyQrPayment,
  type OneTapQrRequest,
  type QrPaymentView,
} from './qr-checkout';
export { checkQrPayment, listQrRefundTasks, type QrCheckResult, resumeStalledQrChecks, runQrCheck } from './qr-settle';
export { type QpayCallbackAnswer, receiveQpayCallback } from './qpay-callback';
export { markQrRefundDone, qrRefundEmailKey } from './qr-refunds';
export {
  getQrProviders,
  offeredQrKind,
  QR_KINDS,
  type QrKind,
  type QrProviderInput,
  qrProviderInputSchema,
  type QrProviderView,
  saveQrProvider,
} from './qr-settings';
export { KhqrRail } from './khqr-rail';
export { QpayRail } from './qpay-rail';
export { LaoQrRail } from './laoqr-rail';
export { parseEmv } from './emv';
