// Refusals of a brand's Stripe payments that something of their own fixes: the bank's 3-D Secure check of the
// order waiting for it opens in a sheet over the stream (bankCheck), the card form for this brand's Stripe
// account on a page of its own.
export function stripeFix(reason: string | undefined, brandId: string): { href: string } | { bankCheck: true } | Record<string, never> {
  if (reason === 'PAYMENT_AUTHENTICATION_REQUIRED') return { bankCheck: true };
  if (reason === 'CARD_NOT_ACCEPTED_HERE') return { href: `/account/wallet/stripe/card/${encodeURIComponent(brandId)}` };
  return {};
}
