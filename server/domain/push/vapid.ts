import type { Env } from '../../env';
import { isDeployment } from '../../env';
import type { VapidKeys } from '../../push/send';

/** The VAPID keys, or null when push is off (a deployment without VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY). */
export function vapidOf(env: Pick<Env, 'VAPID_PUBLIC_KEY' | 'VAPID_PRIVATE_KEY' | 'VAPID_SUBJECT'>): VapidKeys | null {
  if (!env.VAPID_PUBLIC_KEY || !env.VAPID_PRIVATE_KEY) return null;
  return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject: env.VAPID_SUBJECT };
}

/** Said once at boot when push is off, so an operator knows what to set. */
export function pushOffNotice(env: Env): string | null {
  if (vapidOf(env)) return null;
  return isDeployment(env)
    ? 'web push is off: set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY (one pair for every node, from `npx web-push generate-vapid-keys`) and VAPID_SUBJECT (mailto: or https:) to turn it on'
    : 'web push is off: no VAPID keys';
}

/** http push endpoints are a local install's stand-ins only; a deployment posts only to https push services. */
export function pushAllowsHttp(env: Pick<Env, 'NODE_ENV' | 'PUBLIC_URL'>): boolean {
  return !isDeployment(env);
}
