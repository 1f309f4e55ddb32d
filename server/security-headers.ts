import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { imageSourceOrigins, imageSourcesFromEnv } from './domain/image-sources';
import type { Env } from './env';
import { allowedOrigins } from './realtime/origin';

// Security headers for every response the custom server hands to Next.js:
// pages, route handlers (the API), uploads and static files. The CSP's script
// nonce reaches Next through the request's own Content-Security-Policy header,
// which Next's renderer reads to stamp its inline and bundle <script> tags.

export interface HeaderPolicy {
  https: boolean;
  dev: boolean;
  /** Origins images may load from besides our own (the bucket, IMAGE_HOSTS). */
  imageOrigins: readonly string[];
  /** ws:// or wss:// origins of the realtime socket (for browsers where 'self' does not cover WebSockets). */
  socketOrigins: readonly string[];
  /** Where forms may post: our own origin, and the OAuth providers sign-in may continue to. */
  formOrigins: readonly string[];
}

export function headerPolicyFromEnv(env: Env, { dev = false }: { dev?: boolean } = {}): HeaderPolicy {
  // A CSP source cannot name an IPv6 literal ([::1]); 'self' covers the page's own host anyway.
  const socketOrigins = [...allowedOrigins(env)].filter((origin) => !origin.includes('[')).map((origin) => origin.replace(/^http/, 'ws'));
  return {
    https: new URL(env.PUBLIC_URL).protocol === 'https:',
    dev,
    imageOrigins: imageSourceOrigins(imageSourcesFromEnv(env)),
    socketOrigins,
    formOrigins: [
      ...(env.GOOGLE_CLIENT_ID ? ['https://accounts.google.com'] : []),
      ...(env.GITHUB_CLIENT_ID ? ['https://github.com'] : []),
    ],
  };
}

const join = (directives: Record<string, readonly string[]>) =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');

/**
 * The policy of every page: scripts only with this response's nonce, nothing framed, media from our own origin.
 * frameAncestors: only for the embeddable player, the origins its brand lets frame it.
 */
export function pageContentSecurityPolicy(policy: HeaderPolicy, nonce: string, frameAncestors?: readonly string[], stripe = false): string {
  // Stripe's pages (card form, 3-D Secure) and the show page of a brand that takes Stripe cards (its 3-D Secure
  // sheet) run Stripe.js, which frames its fields and the bank's check and talks to Stripe's API: only those
  // pages let Stripe in (Stripe's documented CSP origins); every other show keeps the strict policy.
  const fromStripe = (...origins: string[]) => (stripe ? origins : []);
  return join({
    'default-src': ["'self'"],
    // 'strict-dynamic' lets Next's nonce'd loader pull in its chunks; 'self' is a fallback for CSP2 browsers.
    // Development needs eval for React's refresh runtime.
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(policy.dev ? ["'unsafe-eval'"] : []), ...fromStripe(STRIPE_JS)],
    // React writes style attributes (e.g. reaction positions); CSS cannot run script.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...policy.imageOrigins],
    // The video element plays a MediaStream (no URL) and a poster image (img-src).
    'media-src': ["'self'", 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...policy.socketOrigins, ...fromStripe('https://api.stripe.com')],
    // The service worker (public/sw.js: web push, the offline page) and the manifest are our own files. Without
    // worker-src, workers fall back to script-src, whose 'strict-dynamic' ignores 'self' and would refuse sw.js.
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'", ...policy.formOrigins],
    'frame-src': stripe ? [STRIPE_JS, 'https://hooks.stripe.com'] : ["'none'"],
    // The embeddable player is the one deliberate exception, per brand (server/embed-frame.ts); our own
    // pages may frame it too (the example page, a brand's preview).
    'frame-ancestors': frameAncestors ? ["'self'", ...frameAncestors] : ["'none'"],
    ...(policy.https && { 'upgrade-insecure-requests': [] }),
  });
}

// Uploaded files are other people's bytes: opened directly, they run nothing and load nothing.
const UPLOAD_POLICY = join({
  'default-src': ["'none'"],
  'img-src': ["'self'"],
  'style-src': ["'unsafe-inline'"],
  'frame-ancestors': ["'none'"],
  sandbox: [],
});

const STUDIO_PATH = /^\/studio(\/|$)/;
const STRIPE_JS = 'https://js.stripe.com';
/** The buyer's Stripe card form and 3-D Secure page (app/account/wallet/stripe). */
const STRIPE_PAGE_PATH = /^\/account\/wallet\/stripe(\/|$)/;
const SHOW_PATH = /^\/shows\/([^/]+)$/;
// Only the studio (where the host publishes) and a guest's own show page (`/shows/<id>?stage`, which the
// page opens once its invitation is accepted) may ask for camera and microphone; every other page, and
// the show page every viewer opens, may not.
const STUDIO_PERMISSIONS = 'camera=(self), microphone=(self), geolocation=(), payment=(), usb=(), display-capture=()';
const PAGE_PERMISSIONS = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()';

const EMBED_PATH = /^\/embed\/shows\/([^/]+)\/?$/;

/** The show an embeddable player's path is for; null for every other path. */
export function embedShowIdOf(rawPath: string): string | null {
  const id = EMBED_PATH.exec(rawPath.split('?')[0] ?? '/')?.[1];
  if (!id) return null;
  // A malformed escape is still the player's path (Next answers it 404); it just names no show.
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

/** The show a viewer's show page is for (`/shows/<id>`); null for every other path, the show's sub-pages included. */
export function showPageIdOf(rawPath: string): string | null {
  const id = SHOW_PATH.exec(rawPath.split('?')[0] ?? '/')?.[1];
  if (!id) return null;
  try {
    return decodeURIComponent(id);
  } catch {
    return null;
  }
}

/**
 * The headers for one response, and the CSP Next must see on the request to use the nonce.
 * frameAncestors is read only on an embed path (embedShowIdOf): elsewhere nothing may frame.
 * stripeShow: the show page's brand charges cards through Stripe (server/stripe-show.ts), so its 3-D Secure
 * sheet runs Stripe.js there; read only on a show page path.
 */
export function securityHeaders(
  policy: HeaderPolicy,
  rawPath: string,
  nonce: string,
  frameAncestors?: readonly string[],
  stripeShow = false,
): { response: Record<string, string>; requestCsp: string } {
  const path = rawPath.split('?')[0] ?? '/';
  const embed = embedShowIdOf(path) !== null;
  const stripe = STRIPE_PAGE_PATH.test(path) || (stripeShow && showPageIdOf(path) !== null);
  const csp = path.startsWith('/uploads/')
    ? UPLOAD_POLICY
    : pageContentSecurityPolicy(policy, nonce, embed ? (frameAncestors ?? []) : undefined, stripe);
  return {
    requestCsp: csp,
    response: {
      'Content-Security-Policy': csp,
      // X-Frame-Options can name no other site; browsers let frame-ancestors decide when both are present, but
      // an older one would obey DENY, so the player leaves it out once its brand lists a site.
      ...(!embed ? { 'X-Frame-Options': 'DENY' } : (frameAncestors ?? []).length === 0 ? { 'X-Frame-Options': 'SAMEORIGIN' } : {}),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Permissions-Policy': STUDIO_PATH.test(path) || isStagePage(path, rawPath) ? STUDIO_PERMISSIONS : PAGE_PERMISSIONS,
      'Cross-Origin-Opener-Policy': 'same-origin',
      // Only over HTTPS: on plain http a browser ignores it, and a local install must stay reachable.
      ...(policy.https && { 'Strict-Transport-Security': 'max-age=31536000' }),
    },
  };
}

export const newNonce = () => randomBytes(16).toString('base64');

/**
 * Stamps the headers on the response and the CSP on the request (replacing any
 * a client sent, so nobody can choose the nonce Next writes into a page).
 */
export function applySecurityHeaders(
  policy: HeaderPolicy,
  req: IncomingMessage,
  res: ServerResponse,
  frameAncestors?: readonly string[],
  stripeShow = false,
): void {
  const { response, requestCsp } = securityHeaders(policy, req.url ?? '/', newNonce(), frameAncestors, stripeShow);
  delete req.headers['content-security-policy-report-only'];
  req.headers['content-security-policy'] = requestCsp;
  for (const [name, value] of Object.entries(response)) res.setHeader(name, value);
}

function isStagePage(path: string, rawPath: string): boolean {
  return SHOW_PATH.test(path) && new URLSearchParams(rawPath.split('?')[1] ?? '').has('stage');
}
