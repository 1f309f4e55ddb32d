import { getServerSession } from 'next-auth';
import { encode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { connection } from 'next/server';
import { activeSession } from '../domain/accounts';
import { services } from '../services';
import { authOptions } from './options';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * The signed-in user of the current page request, or null: also for an
 * account deleted since sign-in, and for a token older than the account's
 * session version (signed out elsewhere, password changed, removed from a team).
 */
export async function currentUser(): Promise<SessionUser | null> {
  // Per request, never at build time: the services exist only in the running server.
  await connection();
  const session = await getServerSession(authOptions());
  const user = session?.user;
  if (!user?.id) return null;
  // Read from the database, not the token: names change, accounts get deleted, sessions get revoked.
  return activeSession(services().db, user.id, session?.sessionVersion);
}

/**
 * After an action that revoked every session (a password change), gives this
 * browser a fresh session at the new version so the person who made the change
 * stays signed in here. Same cookie name and flags as next-auth's own.
 */
export async function reissueSessionCookie(user: SessionUser, sessionVersion: number): Promise<void> {
  const { env } = services();
  const secure = env.PUBLIC_URL.startsWith('https://');
  const token = await encode({
    token: { sub: user.id, name: user.name, email: user.email, sv: sessionVersion },
    secret: env.AUTH_SECRET,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  (await cookies()).set(secure ? '__Secure-next-auth.session-token' : 'next-auth.session-token', token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}
