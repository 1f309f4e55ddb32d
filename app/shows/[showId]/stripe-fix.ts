// Refusals of a brand's Stripe payments that a page of their own fixes: the card form for this
// brand's Stripe account, and the bank's 3-D Secure check of the order waiting for it.
export function stripeFix(reason: string | undefined, brandId: string): { href: string } | Record<string, never> {
  if (reason === 'PAYMENT_AUTHENTICATION_REQUIRED') return { href: '/account/wallet/stripe/confirm' };
  if (reason === 'CARD_NOT_ACCEPTED_HERE') return { href: `/account/wallet/stripe/card/${encodeURIComponent(brandId)}` };
  return {};
}
