import { hash, verify } from '@node-rs/argon2';
import type { Db } from './context';

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

// Verifying against a real hash when the email is unknown keeps the response
// time the same for known and unknown accounts, so sign-in cannot probe emails.
let unknownUserHash: Promise<string> | undefined;
const decoyHash = () => (unknownUserHash ??= hash('decoy-password-for-unknown-accounts'));

export async function verifyCredentials(db: Db, email: string, password: string): Promise<SignedInUser | null> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const ok = await verify(user?.passwordHash ?? (await decoyHash()), password).catch(() => false);
  if (!user || !ok) return null;
  return { id: user.id, email: user.email, name: user.name };
}
