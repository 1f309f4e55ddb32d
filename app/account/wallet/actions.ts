'use server';

import { revalidatePath } from 'next/cache';
import { formAction, type ActionState } from '@/app/_lib/action';
import { processPaymentProvider } from '@/server/domain/payments/process-provider';
import { addAddress, addPaymentMethod, removeAddress, removePaymentMethod, setDefaultAddress, setDefaultPaymentMethod } from '@/server/domain/wallet';
import { addressInputSchema, cardInputSchema, walletItemIdSchema } from '@/server/domain/wallet.schema';
import { services } from '@/server/services';

const actor = (user: { id: string; name: string }) => ({ userId: user.id, name: user.name });
const makeDefault = (form: FormData) => form.get('makeDefault') === 'on';

function done(message: string): ActionState {
  revalidatePath('/account/wallet');
  return { ok: true, message };
}

export async function addAddressAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return formAction(addressInputSchema, form, async (input, user) => {
    await addAddress(services().db, actor(user), input, { makeDefault: makeDefault(form) });
    return done('Address saved.');
  });
}

/**
 * The card number arrives here and goes straight to the provider's tokenizeCard;
 * only the token, brand, last four and expiry are stored. It is never logged:
 * validation messages do not repeat values, tokenization errors do not contain
 * the number, and nothing here passes the form to a logger.
 */
export async function addCardAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return formAction(cardInputSchema, form, async (input, user) => {
    const { db, env } = services();
    await addPaymentMethod(db, processPaymentProvider(env), actor(user), input, { makeDefault: makeDefault(form) });
    return done('Card saved.');
  });
}

const itemAction = (run: (id: string, user: { id: string; name: string }) => Promise<void>, message: string) =>
  async (form: FormData): Promise<ActionState> =>
    formAction(walletItemIdSchema, { id: form.get('id') }, async ({ id }, user) => {
      await run(id, user);
      return done(message);
    });

export async function removeAddressAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return itemAction((id, user) => removeAddress(services().db, actor(user), id), 'Address removed.')(form);
}

export async function setDefaultAddressAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return itemAction((id, user) => setDefaultAddress(services().db, actor(user), id), 'Default address changed.')(form);
}

export async function removeCardAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return itemAction((id, user) => removePaymentMethod(services().db, actor(user), id), 'Card removed.')(form);
}

export async function setDefaultCardAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return itemAction((id, user) => setDefaultPaymentMethod(services().db, actor(user), id), 'Default card changed.')(form);
}

