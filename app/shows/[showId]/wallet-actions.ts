'use server';

import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { WALLET_FIELDS } from '@/app/account/wallet/localise';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import { currentUser } from '@/server/auth/session';
import { addAddress, addPaymentMethod, getWallet, walletNeeds } from '@/server/domain/payments';
import { addressInputSchema, cardInputSchema, type AddressInput, type CardInput } from '@/server/domain/payments';
import { services } from '@/server/services';

export type OneTapNeeds = { address: boolean; card: boolean };
/** What the bag says before Pay, worded in the viewer's language; null parts are not saved yet. */
export type OneTapWalletSummary = { shipsTo: string | null; paysWith: string | null };

// Card networks keep their own names in every language (as on the wallet page); an unknown one is just "card".
const NETWORK_NAMES: Record<string, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover' };

/** What the signed-in viewer still has to give before one-tap buying works; null when signed out. */
export async function oneTapNeedsAction(): Promise<OneTapNeeds | null> {
  const user = await currentUser();
  if (!user) return null;
  return walletNeeds(services().db, { userId: user.id, name: user.name });
}

/**
 * The default address and card the bag's Pay will use: who and where it ships
 * to (name, city, country) and which card (network and last four digits).
 * Country names come from the server's full ICU, in the page's language.
 */
export async function oneTapWalletSummaryAction(): Promise<OneTapWalletSummary | null> {
  const user = await currentUser();
  if (!user) return null;
  const [{ t, intl }, wallet] = await Promise.all([getI18n(), getWallet(services().db, { userId: user.id, name: user.name })]);
  const address = wallet.addresses.find((a) => a.isDefault);
  const card = wallet.cards.find((c) => c.isDefault);
  const regions = new Intl.DisplayNames([intl, 'en'], { type: 'region' });
  return {
    shipsTo: address ? [address.fullName, address.city, regions.of(address.country) ?? address.country].join(', ') : null,
    // The network's own name and the masked number read the same in every language.
    paysWith: card ? `${NETWORK_NAMES[card.brand] ?? t('commerce.wallet.cards.genericBrand')} •••• ${card.last4}` : null,
  };
}

/** "Change" beside "Ships to" in the bag: the new address becomes the default every later order ships to. */
export async function changeOneTapAddressAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const { db } = services();
  const state = await formAction(addressInputSchema, form, async (input, user) => {
    await addAddress(db, { userId: user.id, name: user.name }, input, { makeDefault: true });
    return { ok: true, message: t('viewer.sheet.saved') };
  });
  return localiseState(state, t, WALLET_FIELDS);
}

/**
 * Saves the missing address and/or card from the sheet in the player, both as
 * defaults, so the refused tap can be retried. Only the parts still missing are
 * read from the form. The card number goes straight to the provider's
 * tokenizeCard and is never stored or logged (see addPaymentMethod); error
 * answers carry field messages only, never the values sent.
 */
export async function saveOneTapWalletAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const user = await currentUser();
  if (!user) return { ok: false, code: 'UNAUTHENTICATED', message: t('errors.UNAUTHENTICATED') };
  const { db, payments } = services();
  const actor = { userId: user.id, name: user.name };
  const needs = await walletNeeds(db, actor);
  if (!needs.address && !needs.card) return { ok: true, message: t('viewer.sheet.savedBefore') };
  const schema =
    needs.address && needs.card ? addressInputSchema.extend(cardInputSchema.shape) : needs.address ? addressInputSchema : cardInputSchema;
  const state = await formAction(schema, form, async (input) => {
    // The card first: if the provider refuses it, nothing is saved and the whole sheet can be sent again.
    if (needs.card) await addPaymentMethod(db, payments, actor, input as CardInput, { makeDefault: true });
    if (needs.address) await addAddress(db, actor, input as AddressInput, { makeDefault: true });
    return { ok: true, message: t('viewer.sheet.saved') };
  });
  // The sheet posts the wallet page's fields: its sentences translate with the wallet's rules.
  return localiseState(state, t, WALLET_FIELDS);
}

/**
 * "Change card" after a decline: the new card becomes the default, so the tap
 * retried after it (with a new key: a provider may replay a key's first answer,
 * the decline) and every later one is charged to it. The declined card stays in
 * the wallet, no longer the default, for the buyer to remove or fix.
 */
export async function changeOneTapCardAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const { db, payments } = services();
  const state = await formAction(cardInputSchema, form, async (input, user) => {
    await addPaymentMethod(db, payments, { userId: user.id, name: user.name }, input, { makeDefault: true });
    return { ok: true, message: t('viewer.sheet.saved') };
  });
  return localiseState(state, t, WALLET_FIELDS);
}
