import type { Db } from '../context';
import { processSingleton } from '../../process-registry';

/**
 * Who is told when an account's sessions end or its roles change. The realtime
 * server listens and disconnects that account's sockets. Kept in the process
 * registry like the services (server/process-registry.ts): Next.js bundles its own
 * copy of this module, and a page action must reach the listener the custom server registered.
 */
export type AccountEvent = { kind: 'sessions-revoked' | 'roles-changed'; userId: string };
type Listener = (event: AccountEvent) => void;

function listeners(): Set<Listener> {
  return processSingleton('account-events', () => new Set<Listener>());
}

/** Subscribes; returns the unsubscribe. */
export function onAccountEvent(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

export function announceAccountEvent(event: AccountEvent): void {
  for (const listener of listeners()) listener(event);
}

type Tx = Pick<Db, 'user'>;

/**
 * Ends every session of an account: tokens carry the version they were issued
 * with, so raising it makes all of them stale at once. Inside a transaction,
 * pass the transaction client and call announceAccountEvent after the commit.
 */
export async function bumpSessionVersion(db: Tx, userId: string): Promise<number> {
  const user = await db.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return user.sessionVersion;
}

/** Bumps the version and disconnects the account's live sockets. Returns the new version. */
export async function revokeSessions(db: Db, userId: string): Promise<number> {
  const version = await bumpSessionVersion(db, userId);
  announceAccountEvent({ kind: 'sessions-revoked', userId });
  return version;
}

/**
 * Sign-out: ends the sessions only if the token signing out is still current,
 * so a stale tab signing out later cannot end the session someone opened since.
 */
export async function revokeSessionsIssuedAt(db: Db, userId: string, tokenVersion: number): Promise<void> {
  const { count } = await db.user.updateMany({
    where: { id: userId, sessionVersion: tokenVersion },
    data: { sessionVersion: { increment: 1 } },
  });
  if (count > 0) announceAccountEvent({ kind: 'sessions-revoked', userId });
}
