import { headers } from 'next/headers';
import type { AttemptContext } from '../domain/accounts';
import { throttleLimits } from '../domain/throttle';
import { clientIpFrom } from '../client-ip';
import { services } from '../services';

/** The throttling context of a page action: the client's address and the configured limits. */
export async function attemptContext(): Promise<AttemptContext> {
  return { ip: clientIpFrom(await headers()), limits: throttleLimits(services().env.THROTTLE_LIMITS) };
}
