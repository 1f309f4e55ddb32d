'use server';

import { getLocale } from '@/app/_i18n/server';
import { localise } from '@/app/account/localise-state';
import { publicFormAction, type ActionState } from '@/app/_lib/action';
import { attemptContext } from '@/server/auth/attempt';
import { registrationSchema } from '@/server/domain/accounts';
import { signUp } from '@/server/domain/accounts';
import { services } from '@/server/services';

/** Creates the account and emails its verification link; the form then signs in with the same credentials. */
export async function registerAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  // Refusals and field messages are codes and keys: they reach the form in the reader's language.
  const state = await publicFormAction(registrationSchema, form, async (input) => {
    const { db, env } = services();
    await signUp(db, input, { ...(await attemptContext()), secret: env.AUTH_SECRET, locale: await getLocale() });
  });
  return localise(state);
}
