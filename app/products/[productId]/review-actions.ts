'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { errorText } from '@/app/_i18n/error-text';
import { getI18n } from '@/app/_i18n/server';
import type { MessageKey } from '@/app/_i18n/translate';
import { formAction, type ActionState } from '@/app/_lib/action';
import { markReviewHelpful, reportReview, submitReview } from '@/server/domain/reviews';
import { services } from '@/server/services';

// The edge only checks the form's shape; the reviews module parses the values (rating, plain text,
// length), so every door refuses the same way.
const reviewForm = z.object({ productId: z.string().min(1).max(64), rating: z.string().max(2), body: z.string().max(20_000).default('') });
const reviewIdForm = z.object({ productId: z.string().min(1).max(64), reviewId: z.string().min(1).max(64) });
const reportForm = reviewIdForm.extend({ reason: z.string().max(32).default('') });

async function answer(state: ActionState, productId: string, ok: MessageKey): Promise<ActionState> {
  const { t } = await getI18n();
  if (!state.ok) return { ...state, message: errorText(t, state) };
  revalidatePath(`/products/${productId}`);
  return { ok: true, message: t(ok) };
}

export async function submitReviewAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const productId = String(form.get('productId') ?? '');
  const state = await formAction(reviewForm, form, async (input, user) => {
    await submitReview(services().db, { userId: user.id, name: user.name }, input);
  });
  return answer(state, productId, 'reviews.form.saved');
}

export async function helpfulReviewAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const productId = String(form.get('productId') ?? '');
  const state = await formAction(reviewIdForm, form, async ({ reviewId }, user) => {
    await markReviewHelpful(services().db, { userId: user.id, name: user.name }, reviewId);
  });
  return answer(state, productId, 'reviews.thanksHelpful');
}

export async function reportReviewAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const productId = String(form.get('productId') ?? '');
  const state = await formAction(reportForm, form, async ({ reviewId, reason }, user) => {
    await reportReview(services().db, { userId: user.id, name: user.name }, reviewId, { reason });
  });
  return answer(state, productId, 'reviews.reported');
}
