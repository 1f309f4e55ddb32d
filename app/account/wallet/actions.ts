'use server';

import { revalidatePath } from 'next/cache';
import { getI18n } from '@/app/_i18n/server';
import type { MessageKey } from '@/app/_i18n/translate';
import { formAction, type ActionState } from '@/app/_lib/action';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import {
  addAddress,
  addPaymentMethod,
  removeAddress,
  removePaymentMethod,
  setDefaultAddress,
  setDefaultPaymentMethod,
} from '@/server/domain/payments';
import { addressInputSchema, cardInputSchema, walletItemIdSchema } from '@/server/domain/payments';
import { services } from '@/server/services';
import { WALLET_FIELDS } from './localise';

const actor = (user: { id: string; name: string }) => ({ userId: user.id, name: user.name });
const makeDefault = (form: FormData) => form.get('makeDefault') === 'on';

/** Runs one wallet change and answers in the reader's language. */
async function walletAction(run: (done: (key: MessageKey) => ActionState) => Promise<ActionState>): Promise<ActionState> {
  const { t } = await getI18n();
  const done = (key: MessageKey): ActionState => {
    revalidatePath('/account/wallet');
    return { ok: true, message: t(key) };
  };
  return localiseState(await run(done), t, WALLET_FIELDS);
}

export async function addAddressAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return walletAction((done) =>
    formAction(addressInputSchema, form, async (input, user) => {
      await addAddress(services().db, actor(user), input, { makeDefault: makeDefault(form) });
      return done('commerce.wallet.done.addressSaved');
    }),
  );
}

/**
 * The card number arrives here and goes straight to the provider's tokenizeCard;
 * only the token, brand, last four and expiry are stored. It is never logged:
 * validation messages do not repeat values, tokenization errors do not contain
 * the number, and nothing here passes the form to a logger.
 */
export async function addCardAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return walletAction((done) =>
    formAction(cardInputSchema, form, async (input, user) => {
      const { db, payments } = services();
      await addPaymentMethod(db, payments, actor(user), input, { makeDefault: makeDefault(form) });
      return done('commerce.wallet.done.cardSaved');
    }),
  );
}

const itemAction = (form: FormData, run: (id: string, user: { id: string; name: string }) => Promise<void>, message: MessageKey) =>
  walletAction((done) =>
    formAction(walletItemIdSchema, { id: form.get('id') }, async ({ id }, user) => {
      await run(id, user);
      return done(message);
    }),
  );

export async function removeAddressAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return itemAction(form, (id, user) => removeAddress(services().db, actor(user), id), 'commerce.wallet.done.addressRemoved');
}

export async function setDefaultAddressAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return itemAction(form, (id, user) => setDefaultAddress(services().db, actor(user), id), 'commerce.wallet.done.defaultAddress');
}

export async function removeCardAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return itemAction(form, (id, user) => removePaymentMethod(services().db, actor(user), id), 'commerce.wallet.done.cardRemoved');
}

export async function setDefaultCardAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return itemAction(form, (id, user) => setDefaultPaymentMethod(services().db, actor(user), id), 'commerce.wallet.done.defaultCard');
}
