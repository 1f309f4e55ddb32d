import { brandPaymentRouter } from './domain/brand-payments';
import type { PaymentProvider } from './domain/payments';
import type { Logger } from './log';
import { showPageIdOf } from './security-headers';

/**
 * Whether a request's page is the show page of a brand that charges cards through Stripe: that page
 * admits Stripe.js and its frames, for the 3-D Secure sheet over the stream; every other show keeps the
 * strict policy. From the payment router's caches (the same answer a tap gets, 5 s per brand), so a
 * show page costs no query once its brand is known.
 */
export function stripeShowPages(payments: PaymentProvider, log: Logger) {
  const router = brandPaymentRouter(payments);
  return async (rawPath: string): Promise<boolean> => {
    const showId = showPageIdOf(rawPath);
    if (showId === null || !router) return false;
    try {
      return await router.showTakesStripe(showId);
    } catch (error) {
      // Failing closed: the strict policy; a buyer asked for 3-D Secure then finishes it on the wallet's page.
      log.warn({ err: error, showId }, 'reading whether a show takes Stripe failed');
      return false;
    }
  };
}
