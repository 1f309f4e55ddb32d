'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { cancelMyOrder } from '@/server/domain/orders';
import { services } from '@/server/services';
import { errorText } from '@/app/_i18n/error-text';

const cancelSchema = z.object({ orderId: z.string().min(1).max(64) });

export async function cancelMyOrderAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(cancelSchema, form, async ({ orderId }, user) => {
    const { db, payments } = services();
    await cancelMyOrder(db, payments, { userId: user.id, name: user.name }, orderId);
    revalidatePath('/account/orders', 'layout');
  });
  return state.ok ? { ok: true, message: t('orders.buyer.cancelDone') } : { ...state, message: errorText(t, state) };
}
