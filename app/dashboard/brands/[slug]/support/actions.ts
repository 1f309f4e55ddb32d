'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import type { MessageKey } from '@/app/_i18n/translate';
import { formAction, type ActionState } from '@/app/_lib/action';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import { assignConversation, replyAsBrand, setConversationStatus } from '@/server/domain/support';
import { services } from '@/server/services';

const target = z.object({ slug: z.string().min(1).max(64), conversationId: z.string().min(1).max(64) });
const inboxPath = (slug: string) => `/dashboard/brands/${slug}/support`;

async function answer(slug: string, key: MessageKey, state: ActionState): Promise<ActionState> {
  const { t } = await getI18n();
  if (!state.ok) return localiseState(state, t);
  revalidatePath(inboxPath(slug), 'layout');
  return { ok: true, message: t(key) };
}

export async function replyAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const schema = target.extend({ body: z.string().max(5000) });
  const state = await formAction(schema, form, async ({ slug, conversationId, body }, user) => {
    const { db, env } = services();
    await replyAsBrand(db, { userId: user.id, name: user.name }, slug, conversationId, body, env.PUBLIC_URL);
  });
  return answer(String(form.get('slug') ?? ''), 'support.inbox.replied', state);
}

export async function assignAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const schema = target.extend({ assigneeId: z.string().max(64) });
  const state = await formAction(schema, form, async ({ slug, conversationId, assigneeId }, user) => {
    await assignConversation(services().db, { userId: user.id, name: user.name }, slug, conversationId, assigneeId || null);
  });
  return answer(String(form.get('slug') ?? ''), 'support.inbox.assigned', state);
}

export async function statusAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const schema = target.extend({ status: z.enum(['OPEN', 'CLOSED']) });
  const state = await formAction(schema, form, async ({ slug, conversationId, status }, user) => {
    await setConversationStatus(services().db, { userId: user.id, name: user.name }, slug, conversationId, status);
  });
  return answer(
    String(form.get('slug') ?? ''),
    form.get('status') === 'CLOSED' ? 'support.inbox.status.CLOSED' : 'support.inbox.status.OPEN',
    state,
  );
}
