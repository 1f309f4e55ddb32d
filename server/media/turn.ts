import { createHmac } from 'node:crypto';

/** A TURN service handed to browsers (coturn with `use-auth-secret` and `static-auth-secret`). */
export interface TurnConfig {
  urls: string[];
  /** coturn's static-auth-secret: credentials are derived from it, never stored or shared. */
  secret: string;
  ttlSeconds: number;
}

export interface IceServer {
  urls: string[];
  username: string;
  credential: string;
}

/**
 * Time-limited TURN credentials in the "TURN REST API" form coturn checks:
 * the username is `<expiry unix time>:<tag>`, the password the base64 HMAC-SHA1
 * of the username under the shared secret. A leaked pair stops working at expiry,
 * and the secret itself never reaches a browser.
 */
export function turnCredentials(turn: TurnConfig, tag: string, now = Date.now()): IceServer {
  const username = `${Math.floor(now / 1000) + turn.ttlSeconds}:${tag}`;
  const credential = createHmac('sha1', turn.secret).update(username).digest('base64');
  return { urls: turn.urls, username, credential };
}
