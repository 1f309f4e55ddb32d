'use server';

import { z } from 'zod';
import { errorText } from '@/app/_i18n/error-text';
import { getI18n } from '@/app/_i18n/server';
import type { ActionState } from '@/app/_lib/action';
import { toErrorPayload } from '@/server/domain/errors';
import { unsubscribe } from '@/server/domain/notifications';
import { services } from '@/server/services';

const unsubscribeForm = z.object({ token: z.string().min(1).max(500) });

/** The confirm button of /unsubscribe. No sign-in: the signed token is the permission. */
export async function confirmUnsubscribeAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const parsed = unsubscribeForm.safeParse(Object.fromEntries(form.entries()));
  if (!parsed.success) return { ok: false, code: 'INVALID_INPUT', message: t('mailbox.unsubscribe.incomplete') };
  const { db, env } = services();
  try {
    await unsubscribe(db, env.AUTH_SECRET, parsed.data.token, env.REMINDER_LEAD_MINUTES);
    return { ok: true, message: t('mailbox.unsubscribe.done') };
  } catch (error) {
    const payload = toErrorPayload(error);
    if (payload.code === 'INTERNAL') console.error('unsubscribe failed', error);
    return { ok: false, ...payload, message: errorText(t, payload) };
  }
}
