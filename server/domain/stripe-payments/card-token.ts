// A card saved through Stripe Elements is a PaymentMethod of one Customer in one brand's Stripe
// account; our PaymentMethod row keeps all three so a charge goes to the account that holds it.
export const STRIPE_PROVIDER_NAME = 'stripe';

export interface StripeCardToken {
  providerId: string;
  customerId: string;
  paymentMethodId: string;
}

export function stripeCardToken(card: StripeCardToken): string {
  return `stripe:${card.providerId}:${card.customerId}:${card.paymentMethodId}`;
}

export function parseStripeCardToken(token: string): StripeCardToken | null {
  const match = /^stripe:([^:]+):(cus_[^:]+):(pm_[^:]+)$/.exec(token);
  return match ? { providerId: match[1]!, customerId: match[2]!, paymentMethodId: match[3]! } : null;
}
