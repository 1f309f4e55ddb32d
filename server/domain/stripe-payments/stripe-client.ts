import Stripe from 'stripe';

/**
 * Where the SDK sends its requests: Stripe itself unless a test names a local stand-in, through the
 * SDK's documented host/port/protocol options. Only code (tests) sets it, never the environment, so a
 * deployment cannot be pointed at another "Stripe" by configuration.
 */
export interface StripeApiEndpoint {
  host: string;
  port: number;
  protocol: 'http' | 'https';
}

/** What a brand gives us from its Stripe dashboard; stored sealed (brand-payments). */
export interface StripeCredentials {
  secretKey: string;
  publishableKey: string;
  webhookSecret: string;
}

export function stripeClient(secretKey: string, endpoint?: StripeApiEndpoint): Stripe {
  return new Stripe(secretKey, {
    // The SDK retries network failures with the same Idempotency-Key, so a retry never charges twice.
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: 'live-commerce' },
    ...(endpoint ?? {}),
  });
}

export { Stripe };
