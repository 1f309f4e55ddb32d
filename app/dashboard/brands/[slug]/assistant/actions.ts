'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { LOCALES } from '@/app/_i18n/locales';
import { formAction, type ActionState } from '@/app/_lib/action';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import { deleteFaqEntry, saveAssistantPolicy, saveFaqEntry } from '@/server/domain/assistant';
import { services } from '@/server/services';

// The form posts one field per language ("returns.km", "questions.lo"); these turn them into the
// domain's per-language objects, which validate the content (server/domain/assistant/faq.schema.ts).
const text = z.string().max(4000).default('');
const perLocaleFields = (prefix: string) => Object.fromEntries(LOCALES.map((l) => [`${prefix}.${l}`, text]));
const pick = (input: Record<string, string>, prefix: string): Record<string, string> =>
  Object.fromEntries(LOCALES.map((l) => [l, (input[`${prefix}.${l}`] ?? '').trim()]).filter(([, v]) => v));

const policyFormSchema = z.object({
  slug: z.string().min(1).max(60),
  ...perLocaleFields('shippingText'),
  ...perLocaleFields('deliveryTime'),
  ...perLocaleFields('returns'),
});

const faqFormSchema = z.object({
  slug: z.string().min(1).max(60),
  id: z.string().max(64).default(''),
  ...perLocaleFields('questions'),
  ...perLocaleFields('answers'),
});

const deleteFormSchema = z.object({ slug: z.string().min(1).max(60), id: z.string().min(1).max(64) });

const path = (slug: string) => `/dashboard/brands/${slug}/assistant`;

export async function savePolicyAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(policyFormSchema, form, async (input, user) => {
    const values = input as Record<string, string>;
    await saveAssistantPolicy(services().db, { userId: user.id, name: user.name }, input.slug, {
      shippingText: pick(values, 'shippingText'),
      deliveryTime: pick(values, 'deliveryTime'),
      returns: pick(values, 'returns'),
    });
    revalidatePath(path(input.slug));
    return { ok: true, message: t('assistantAnswers.editor.saved') };
  });
  return localiseState(state, t);
}

export async function saveFaqAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(faqFormSchema, form, async (input, user) => {
    const values = input as Record<string, string>;
    const questions = Object.fromEntries(
      Object.entries(pick(values, 'questions')).map(([l, lines]) => [
        l,
        lines
          .split('\n')
          .map((q) => q.trim())
          .filter(Boolean),
      ]),
    );
    await saveFaqEntry(services().db, { userId: user.id, name: user.name }, input.slug, {
      ...(input.id ? { id: input.id } : {}),
      questions,
      answers: pick(values, 'answers'),
    });
    revalidatePath(path(input.slug));
    return { ok: true, message: t('assistantAnswers.editor.saved') };
  });
  return localiseState(state, t);
}

export async function deleteFaqAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(deleteFormSchema, form, async ({ slug, id }, user) => {
    await deleteFaqEntry(services().db, { userId: user.id, name: user.name }, slug, id);
    revalidatePath(path(slug));
    return { ok: true, message: t('assistantAnswers.editor.deleted') };
  });
  return localiseState(state, t);
}
