// Stripe Connect payouts (issue 21 item 1): brands' and hosts' connected accounts, the brand's switch,
// and the job that pays out each paid order of a brand with the switch on (transfers in stripe-payments).
export {
  type BrandConnectView,
  type ConnectSettingsInput,
  connectSettingsInputSchema,
  getBrandConnect,
  getMyConnectAccount,
  maskAccount,
  parseConnectAccount,
  type PayoutSkipView,
  saveBrandConnect,
  saveMyConnectAccount,
} from './accounts';
export { type FailedPayoutView, listFailedPayouts, retryFailedPayout } from './failed-payouts';
export {
  type PayoutOutcome,
  payOutPaidOrder,
  reversePaidOutOrder,
  type StripeOpener,
  stripePayoutJob,
  stripePayoutReversalJob,
} from './payout-job';
