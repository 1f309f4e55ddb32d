import { getServerSession } from 'next-auth';
import { connection } from 'next/server';
import { activeAccount } from '../domain/accounts';
import { services } from '../services';
import { authOptions } from './options';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

/** The signed-in user of the current page request, or null (also for an account deleted since sign-in). */
export async function currentUser(): Promise<SessionUser | null> {
  // Per request, never at build time: the services exist only in the running server.
  await connection();
  const session = await getServerSession(authOptions());
  const user = session?.user;
  if (!user?.id) return null;
  // Read from the database, not the token: names change and accounts get deleted.
  return activeAccount(services().db, user.id);
}
