import type { z } from 'zod';
import { registerAccount, type AttemptContext, type SignedInUser, type registrationSchema } from './accounts';
import type { Db } from './context';
import { requestEmailVerification } from './sign-in-links';

/** A password sign-up: the account, then the link that proves its email (until then the address is not its own). */
export async function signUp(db: Db, input: z.infer<typeof registrationSchema>, ctx: AttemptContext & { secret: string }): Promise<SignedInUser> {
  const user = await registerAccount(db, input, ctx);
  await requestEmailVerification(db, user, { secret: ctx.secret });
  return user;
}
