'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import { hideReview, replyToReview, unhideReview } from '@/server/domain/reviews';
import { services } from '@/server/services';

// The form's shape only; the reviews module parses reasons and replies (plain text, length).
const target = z.object({ slug: z.string().min(1).max(64), reviewId: z.string().min(1).max(64) });

async function answer(slug: string, state: ActionState): Promise<ActionState> {
  const { t } = await getI18n();
  if (!state.ok) return localiseState(state, t);
  revalidatePath(`/dashboard/brands/${slug}/reviews`);
  return { ok: true, message: t('reviews.moderation.done') };
}

export async function moderateReviewAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const schema = target.extend({ decision: z.enum(['hide', 'show']), reason: z.string().max(5000).default('') });
  const state = await formAction(schema, form, async ({ slug, reviewId, decision, reason }, user) => {
    const actor = { userId: user.id, name: user.name };
    if (decision === 'hide') await hideReview(services().db, actor, slug, reviewId, reason);
    else await unhideReview(services().db, actor, slug, reviewId);
  });
  return answer(String(form.get('slug') ?? ''), state);
}

export async function replyReviewAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const state = await formAction(target.extend({ reply: z.string().max(5000) }), form, async ({ slug, reviewId, reply }, user) => {
    await replyToReview(services().db, { userId: user.id, name: user.name }, slug, reviewId, reply);
  });
  return answer(String(form.get('slug') ?? ''), state);
}
