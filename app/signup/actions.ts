'use server';

import { publicFormAction, type ActionState } from '@/app/_lib/action';
import { registerAccount, registrationSchema } from '@/server/domain/accounts';
import { services } from '@/server/services';

/** Creates the account; the form then signs in with the same credentials. */
export async function registerAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return publicFormAction(registrationSchema, form, async (input) => {
    await registerAccount(services().db, input);
  });
}
