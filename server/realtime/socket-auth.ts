import { decode } from 'next-auth/jwt';
import { activeSession } from '../domain/accounts';
import { onAccountEvent } from '../domain/accounts';
import { showRoleOf } from '../domain/shows';
import { pageLocaleOfHandshake, rememberLocale } from '../domain/accounts';
import type { Db } from '../domain/context';
import type { ShowServer, ShowSocket } from './handler';
import { showStaffRoom, type SocketUser, type ViewerRole } from './protocol';

// next-auth's session cookie: the pages and the socket share one sign-in.
const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/** Every socket of a signed-in account is in this room, so revoking its sessions can reach them all. */
export const accountRoom = (userId: string) => `account:${userId}`;

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

export interface SessionClaims extends SocketUser {
  /** The account's session version when the token was issued. */
  sessionVersion: number | undefined;
}

/** The signed claims of a handshake's session cookie, or null for an anonymous visitor. */
export async function userFromCookieHeader(cookieHeader: string | undefined, secret: string): Promise<SessionClaims | null> {
  const cookies = parseCookies(cookieHeader);
  for (const name of SESSION_COOKIES) {
    const token = cookies.get(name);
    if (!token) continue;
    const claims = await decode({ token, secret }).catch(() => null); // expired or forged: anonymous
    if (claims?.sub)
      return {
        userId: claims.sub,
        name: typeof claims.name === 'string' ? claims.name : 'Someone',
        sessionVersion: typeof claims.sv === 'number' ? claims.sv : undefined,
      };
  }
  return null;
}

interface AuthDeps {
  db: Db;
  authSecret: string;
}

/**
 * The account, not the cookie, has the last word: a renamed account chats
 * under its new name; a deleted account's or a revoked session's unexpired
 * cookie is anonymous.
 */
export async function userOfHandshake(socket: ShowSocket, deps: AuthDeps): Promise<SocketUser | null> {
  const claims = await userFromCookieHeader(socket.handshake.headers.cookie, deps.authSecret);
  const account = claims && (await activeSession(deps.db, claims.userId, claims.sessionVersion));
  return account ? { userId: account.id, name: account.name } : null;
}

/** The handshake middleware: who this socket is, and the account room that revocation reaches. */
export function authenticateSocket(deps: AuthDeps) {
  return (socket: ShowSocket, next: (error?: Error) => void) => {
    userOfHandshake(socket, deps).then(
      async (user) => {
        socket.data.user = user;
        socket.data.shows = new Map();
        if (user) await socket.join(accountRoom(user.userId));
        // The page's language becomes the account's: its receipts and notices follow it. Never fails the handshake.
        if (user) {
          user.locale = pageLocaleOfHandshake(socket.handshake.headers.cookie, socket.handshake.headers['accept-language']);
          void rememberLocale(deps.db, user.userId, user.locale).catch(() => undefined);
        }
        next();
      },
      (error: unknown) => next(error instanceof Error ? error : new Error('authentication failed')),
    );
  };
}

/**
 * Connection state recovery restores a socket's data and rooms WITHOUT running
 * the middlewares, so whatever happened while it was away (account deleted,
 * signed out everywhere, removed from the team, host invitation declined) would
 * go unseen. The restored socket is checked again here, and every packet it
 * sends waits for that check: a socket whose session no longer holds is
 * disconnected; roles in its shows are recomputed.
 */
export function revalidateRecoveredSocket(socket: ShowSocket, deps: AuthDeps): Promise<boolean> {
  const checked = recheck(socket, deps).catch(() => false);
  socket.use((_packet, next) => {
    void checked.then((ok) => {
      if (ok) next();
    });
  });
  void checked.then((ok) => {
    if (!ok) socket.disconnect();
  });
  return checked;
}

async function recheck(socket: ShowSocket, deps: AuthDeps): Promise<boolean> {
  const before = socket.data.user;
  const now = await userOfHandshake(socket, deps);
  if ((before?.userId ?? null) !== (now?.userId ?? null)) return false;
  socket.data.user = now;
  for (const [showId, role] of socket.data.shows) {
    const current: ViewerRole = now ? await showRoleOf(deps.db, now.userId, showId).catch(() => 'viewer' as const) : 'anonymous';
    if (current === role) continue;
    socket.data.shows.set(showId, current);
    if (current === 'host' || current === 'moderator') await socket.join(showStaffRoom(showId));
    else await socket.leave(showStaffRoom(showId));
  }
  return true;
}

/**
 * Revoked sessions and changed roles disconnect the account's live sockets
 * (on every node, through the adapter). The client sees "io server
 * disconnect" and does not recover the old state: a reload signs in afresh
 * or not at all, and joins with the roles the account has now.
 */
export function disconnectOnAccountEvents(io: ShowServer): () => void {
  return onAccountEvent((event) => {
    io.in(accountRoom(event.userId)).disconnectSockets();
  });
}
