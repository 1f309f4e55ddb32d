import type { Stripe } from '@stripe/stripe-js';

/** Past this, a Stripe.js that has not arrived (blocked, offline) is reported instead of awaited. */
const LOAD_TIMEOUT_MS = 15_000;

/**
 * Stripe.js from js.stripe.com (Stripe requires it be loaded from there), imported only by the pages
 * that need it, so no other page (the show page's first load above all) carries or fetches it.
 * Null when it cannot load: the caller says so instead of showing a form that cannot work.
 */
export async function loadStripeJs(publishableKey: string): Promise<Stripe | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), LOAD_TIMEOUT_MS));
  const loading = import('@stripe/stripe-js').then(({ loadStripe }) => loadStripe(publishableKey)).catch(() => null);
  return Promise.race([loading, timeout]);
}
