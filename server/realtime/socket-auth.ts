import { decode } from 'next-auth/jwt';
import type { SocketUser } from './protocol';

// next-auth's session cookie: the pages and the socket share one sign-in.
const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      cookies.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // A malformed cookie is simply not a session.
    }
  }
  return cookies;
}

/** The signed-in user of a handshake, or null for an anonymous visitor. */
export async function userFromCookieHeader(cookieHeader: string | undefined, secret: string): Promise<SocketUser | null> {
  const cookies = parseCookies(cookieHeader);
  for (const name of SESSION_COOKIES) {
    const token = cookies.get(name);
    if (!token) continue;
    const claims = await decode({ token, secret }).catch(() => null); // expired or forged: anonymous
    if (claims?.sub) return { userId: claims.sub, name: typeof claims.name === 'string' ? claims.name : 'Someone' };
  }
  return null;
}
