import type { z } from 'zod';
import { registerAccount, type AttemptContext, type SignedInUser, type registrationSchema } from './accounts';
import type { Db } from '../context';
import { requestEmailVerification } from './sign-in-links';
import { rememberLocale } from './user-locale';

/** A password sign-up: the account, then the link that proves its email (until then the address is not its own). */
export async function signUp(
  db: Db,
  input: z.infer<typeof registrationSchema>,
  ctx: AttemptContext & { secret: string; locale?: string | null },
): Promise<SignedInUser> {
  const user = await registerAccount(db, input, ctx);
  // The page's language, before the first email goes out.
  await rememberLocale(db, user.id, ctx.locale);
  await requestEmailVerification(db, user, { secret: ctx.secret });
  return user;
}
