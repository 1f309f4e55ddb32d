'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import {
  brandPaymentRouter,
  cardProviderChoiceSchema,
  chooseCardProvider,
  saveStripeKeys,
  stripeKeysInputSchema,
  testStripeConnection,
} from '@/server/domain/brand-payments';
import { AppError } from '@/server/domain/errors';
import { secretsKey } from '@/server/domain/simulcast';
import { services } from '@/server/services';

const slug = z.string().min(1).max(60);

function router() {
  const found = brandPaymentRouter(services().payments);
  if (!found) throw new AppError('INTERNAL', 'the app runs without its brand payment router');
  return found;
}

export async function saveStripeKeysAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(stripeKeysInputSchema.extend({ slug }), form, async ({ slug, ...keys }, user) => {
    const { db, env } = services();
    await saveStripeKeys(db, router(), secretsKey(env.SECRETS_KEY), { userId: user.id, name: user.name }, slug, {
      secretKey: keys.secretKey ?? '',
      publishableKey: keys.publishableKey ?? '',
      webhookSecret: keys.webhookSecret ?? '',
    });
    revalidatePath(`/dashboard/brands/${slug}/payments`);
    return { ok: true, message: t('payments.card.keysSaved') };
  });
  return localiseState(state, t);
}

export async function chooseCardProviderAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(z.object({ slug, provider: cardProviderChoiceSchema }), form, async ({ slug, provider }, user) => {
    await chooseCardProvider(services().db, router(), { userId: user.id, name: user.name }, slug, provider);
    revalidatePath(`/dashboard/brands/${slug}/payments`);
    return { ok: true, message: t('payments.card.chosen', { provider: provider === 'STRIPE' ? 'Stripe' : t('payments.card.test') }) };
  });
  return localiseState(state, t);
}

export async function testStripeConnectionAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(z.object({ slug }), form, async ({ slug }, user) => {
    const { db, env } = services();
    const answer = await testStripeConnection(db, router(), secretsKey(env.SECRETS_KEY), { userId: user.id, name: user.name }, slug);
    const mode = answer.live ? t('payments.card.liveMode') : t('payments.card.testMode');
    return { ok: true, message: t('payments.card.connected', { account: answer.accountId, mode }) };
  });
  return localiseState(state, t);
}
