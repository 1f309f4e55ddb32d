'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { errorText } from '@/app/_i18n/error-text';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { currentUser } from '@/server/auth/session';
import { toErrorPayload } from '@/server/domain/errors';
import { ADVANCE_TARGETS, advanceOrder, advanceOrders } from '@/server/domain/orders';
import { cancelOrder, refundOrder } from '@/server/domain/payments';
import { services } from '@/server/services';

export interface BulkResultLine {
  orderId: string;
  ok: boolean;
  text: string;
}
export type BulkState = { ok: true; lines: BulkResultLine[] } | { ok: false; message: string } | null;

const bulkSchema = z.object({
  slug: z.string().min(1).max(64),
  to: z.enum(ADVANCE_TARGETS),
  orderIds: z.array(z.string().min(1).max(64)).min(1),
  carrier: z.string().trim().max(60).optional(),
});

const ordersPath = (slug: string) => `/dashboard/brands/${slug}/orders`;

/** Marks every selected order one step on; each order answers for itself. */
export async function bulkAdvanceAction(_: BulkState, form: FormData): Promise<BulkState> {
  const { t } = await getI18n();
  const user = await currentUser();
  if (!user) return { ok: false, message: t('errors.UNAUTHENTICATED') };
  const parsed = bulkSchema.safeParse({
    slug: form.get('slug'),
    to: form.get('to'),
    orderIds: form.getAll('orderId'),
    carrier: form.get('carrier') ?? undefined,
  });
  if (!parsed.success) return { ok: false, message: t('orders.brand.bulk.noneSelected') };
  const { slug, to, orderIds, carrier } = parsed.data;
  const trackingNumbers = Object.fromEntries(orderIds.map((id) => [id, String(form.get(`tracking:${id}`) ?? '').trim()]));
  const { db, env } = services();
  try {
    const results = await advanceOrders(db, { userId: user.id, name: user.name }, slug, orderIds, to, {
      carrier,
      trackingNumbers,
      publicUrl: env.PUBLIC_URL,
    });
    revalidatePath(ordersPath(slug), 'layout');
    return {
      ok: true,
      lines: results.map((r) => ({
        orderId: r.orderId,
        ok: r.ok,
        text: r.ok
          ? t('orders.brand.bulk.resultOk', { number: r.orderNumber, status: t(`orders.status.${r.status}`) })
          : r.orderNumber === null
            ? t('orders.brand.bulk.resultUnknown', { reason: errorText(t, r) })
            : t('orders.brand.bulk.resultFailed', { number: r.orderNumber, reason: errorText(t, r) }),
      })),
    };
  } catch (error) {
    const payload = toErrorPayload(error);
    if (payload.code === 'INTERNAL') console.error('bulk advance failed', error);
    return { ok: false, message: errorText(t, payload) };
  }
}

const advanceSchema = z.object({
  slug: z.string().min(1).max(64),
  orderId: z.string().min(1).max(64),
  to: z.enum(ADVANCE_TARGETS),
  carrier: z.string().trim().max(60).optional(),
  trackingNumber: z.string().trim().max(80).optional(),
});

export async function advanceOneAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(advanceSchema, form, async ({ slug, orderId, to, carrier, trackingNumber }, user) => {
    const { db, env } = services();
    const shipment = to === 'SHIPPED' ? { carrier: carrier ?? '', trackingNumber: trackingNumber ?? '' } : null;
    await advanceOrder(db, { userId: user.id, name: user.name }, slug, orderId, to, shipment, env.PUBLIC_URL);
    revalidatePath(ordersPath(slug), 'layout');
    return { ok: true, message: t('orders.brand.detail.advanced', { status: t(`orders.status.${to}`) }) };
  });
  return state.ok ? state : { ...state, message: errorText(t, state) };
}

const refundSchema = z.object({
  slug: z.string().min(1).max(64),
  orderId: z.string().min(1).max(64),
  // Typed as a person writes it ("12,50", "$12.50"); the domain reads it in the order's currency.
  amount: z.string().trim().max(30),
  reason: z.string().trim().max(200).default(''),
  restock: z.string().optional(),
  key: z.string().min(1).max(64),
});

export async function refundAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(refundSchema, form, async ({ slug, orderId, amount, reason, restock, key }, user) => {
    const { db, payments } = services();
    await refundOrder(db, payments, { userId: user.id, name: user.name }, orderId, {
      amountText: amount,
      reason,
      idempotencyKey: key,
      restock: restock === 'on',
    });
    revalidatePath(ordersPath(slug), 'layout');
    return { ok: true, message: t('orders.brand.detail.refundDone') };
  });
  if (state.ok) return state;
  return { ...state, message: state.fieldErrors ? t('orders.brand.detail.refundAmountInvalid') : errorText(t, state) };
}

const cancelSchema = z.object({
  slug: z.string().min(1).max(64),
  orderId: z.string().min(1).max(64),
  reason: z.string().trim().max(200).default(''),
});

export async function brandCancelAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(cancelSchema, form, async ({ slug, orderId, reason }, user) => {
    const { db, payments } = services();
    await cancelOrder(db, payments, { userId: user.id, name: user.name }, orderId, reason);
    revalidatePath(ordersPath(slug), 'layout');
    return { ok: true, message: t('orders.brand.detail.cancelDone') };
  });
  return state.ok ? state : { ...state, message: errorText(t, state) };
}
