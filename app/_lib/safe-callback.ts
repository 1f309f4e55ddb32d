// A placeholder origin for callers without the configuration at hand: the
// check only needs "same origin as the base", and the result is a path.
const FALLBACK_BASE = 'http://app.invalid';

/**
 * Only same-site destinations: an open redirect would let a link send people
 * elsewhere after signing in. The value is parsed the way a browser will read
 * it (tabs and newlines dropped, backslashes as slashes, percent-decoding of
 * the host), so `/\t/evil.com`, `/\\evil.com` and `//evil.com` resolve to
 * another origin and are refused. The answer is always a path on this site.
 */
export function safeCallbackUrl(callbackUrl: string | undefined, publicUrl: string = FALLBACK_BASE): string {
  if (!callbackUrl) return '/';
  let base: URL;
  let target: URL;
  try {
    base = new URL(publicUrl);
    target = new URL(callbackUrl, base);
  } catch {
    return '/';
  }
  if (target.origin !== base.origin) return '/';
  // `/.//evil.com` stays on this origin as parsed here, but its path `//evil.com`
  // handed to a browser as a relative URL would be protocol-relative.
  if (!target.pathname.startsWith('/') || target.pathname.startsWith('//')) return '/';
  return `${target.pathname}${target.search}${target.hash}`;
}
