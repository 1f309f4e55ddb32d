// Brand payments (issue 21 item 3): which provider takes a brand's money (the built-in test
// provider, or the brand's own Stripe account), its sealed keys and its settings page's reads and
// writes, and the process's payment router that sends each order to its brand's provider.
export { chooseCardProvider, getCardProviderSettings, saveStripeKeys, testStripeConnection, type CardProviderView } from './card-settings';
export {
  CARD_PROVIDER_CHOICES,
  type CardProviderChoice,
  cardProviderChoiceSchema,
  type StripeKeysInput,
  stripeKeysInputSchema,
} from './card-settings.schema';
export { lastFour, openStripeCredentials, sealStripeCredentials } from './credentials';
export { BrandPaymentRouter, brandPaymentRouter, type LoadedStripe } from './payment-router';
export { payoutSettingsOf, stripeRowSettingsSchema } from './provider-settings';
export {
  type BankCheckResult,
  type CardFormStart,
  finishBankCheck,
  finishConfirmation,
  finishStripeCardForm,
  startStripeCardForm,
  waitingConfirmation,
} from './buyer-stripe';
