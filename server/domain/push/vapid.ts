import type { Env } from '../../env';
import { isDeployment, localVapidKeys } from '../../env';
import type { VapidKeys } from '../../push/send';

type VapidEnv = Pick<Env, 'VAPID_PUBLIC_KEY' | 'VAPID_PRIVATE_KEY' | 'VAPID_SUBJECT' | 'NODE_ENV' | 'PUBLIC_URL' | 'DATA_DIR'>;

/**
 * The VAPID keys: the configured pair; on a local install without one, the pair kept in DATA_DIR (made on first
 * use); null when push is off, which is a deployment without VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY.
 */
export function vapidOf(env: VapidEnv): VapidKeys | null {
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY)
    return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject: env.VAPID_SUBJECT };
  if (isDeployment(env)) return null;
  return { ...localVapidKeys(env.DATA_DIR), subject: env.VAPID_SUBJECT };
}

/** Said once at boot when push is off, so an operator knows what to set. */
export function pushOffNotice(env: VapidEnv): string | null {
  if ((env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY) || !isDeployment(env)) return null;
  return 'web push is off: set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY (one pair for every node, from `npx web-push generate-vapid-keys`) and VAPID_SUBJECT (mailto: or https:) to turn it on';
}

/** http push endpoints are a local install's stand-ins only; a deployment posts only to https push services. */
export function pushAllowsHttp(env: Pick<Env, 'NODE_ENV' | 'PUBLIC_URL'>): boolean {
  return !isDeployment(env);
}
