'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { errorText } from '@/app/_i18n/error-text';
import { getI18n } from '@/app/_i18n/server';
import type { MessageKey } from '@/app/_i18n/translate';
import { formAction, type ActionState } from '@/app/_lib/action';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import { answerOrderHelp, changeOrderAddress, ORDER_HELP_TOPICS, requestReturn, type OrderHelpAction } from '@/server/domain/order-help';
import { addressInputSchema } from '@/server/domain/payments';
import { openOrderConversation, postBuyerMessage } from '@/server/domain/support';
import { services } from '@/server/services';
import { WALLET_FIELDS } from '../wallet/localise';

/** What the help box shows: the answer's sentences in the page's language and the one action it offers. */
export type HelpAnswerState =
  { ok: true; lines: string[]; action: OrderHelpAction | null; asked: string } | { ok: false; message: string; asked: string };

const askSchema = z.object({
  orderId: z.string().min(1).max(64),
  question: z.string().trim().max(500).optional(),
  topic: z.enum(ORDER_HELP_TOPICS).optional(),
});

export async function askOrderHelpAction(_: HelpAnswerState | null, form: FormData): Promise<HelpAnswerState> {
  const { t, locale, format } = await getI18n();
  let answered: HelpAnswerState | null = null;
  const asked = String(form.get('question') ?? form.get('topic') ?? '');
  const state = await formAction(askSchema, form, async ({ orderId, question, topic }, user) => {
    const ask = topic ? { topic } : { question: question ?? '' };
    const a = await answerOrderHelp(services().db, { userId: user.id, name: user.name }, orderId, ask, locale);
    const lines: string[] = [t(`support.help.status.${a.status}` as MessageKey)];
    if (a.topic === 'status' && a.carrier && a.trackingNumber)
      lines.push(t('support.help.tracking', { carrier: a.carrier, tracking: a.trackingNumber }));
    if (a.refusal) lines.push(t(`errors.${a.refusal.key}` as MessageKey, a.refusal.params), t('support.help.writeInstead'));
    else if (a.action === 'cancel') lines.push(t('support.help.cancelOk'));
    else if (a.action === 'change_address') lines.push(t('support.help.addressOk'));
    else if (a.action === 'request_return' && a.returnDeadline)
      lines.push(t('support.help.returnOk', { date: format.dateTime(a.returnDeadline, 'date') }));
    else if (a.topic === 'other') lines.push(t('support.help.other'));
    if (a.returnRequested && a.topic === 'return') lines.push(t('support.help.returnRequested'));
    answered = { ok: true, lines, action: a.action, asked };
  });
  return answered ?? { ok: false, message: state.ok ? t('errors.INTERNAL') : errorText(t, state), asked };
}

const orderIdSchema = z.object({ orderId: z.string().min(1).max(64) });

async function done(key: MessageKey, state: ActionState): Promise<ActionState> {
  const { t } = await getI18n();
  if (state.ok) {
    revalidatePath('/account/orders', 'layout');
    return { ok: true, message: t(key) };
  }
  return localiseState(state, t, WALLET_FIELDS);
}

export async function changeOrderAddressAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const state = await formAction(addressInputSchema.extend(orderIdSchema.shape), form, async ({ orderId, ...address }, user) => {
    await changeOrderAddress(services().db, { userId: user.id, name: user.name }, orderId, address);
  });
  return done('support.help.addressSaved', state);
}

const returnSchema = orderIdSchema.extend({ reason: z.string().max(1000).default('') });

export async function requestReturnAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const state = await formAction(returnSchema, form, async ({ orderId, reason }, user) => {
    await requestReturn(services().db, { userId: user.id, name: user.name }, orderId, reason);
  });
  return done('support.help.returnSent', state);
}

const openSchema = orderIdSchema.extend({ body: z.string().max(5000) });

export async function openSupportAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const state = await formAction(openSchema, form, async ({ orderId, body }, user) => {
    await openOrderConversation(services().db, { userId: user.id, name: user.name }, orderId, body);
  });
  return done('support.help.sent', state);
}

const postSchema = z.object({ conversationId: z.string().min(1).max(64), body: z.string().max(5000) });

export async function postSupportMessageAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const state = await formAction(postSchema, form, async ({ conversationId, body }, user) => {
    await postBuyerMessage(services().db, { userId: user.id, name: user.name }, conversationId, body);
  });
  return done('support.help.sent', state);
}
