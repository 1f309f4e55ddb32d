'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { SHOW_FIELDS } from '@/app/dashboard/_i18n/domain-messages';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import { requireBrandMember } from '@/server/domain/brands';
import type { Actor } from '@/server/domain/context';
import {
  cancelReasonSchema,
  cancelShow,
  createShow,
  localDateTimeSchema,
  rescheduleShow,
  showCreationSchema,
  showDetailsSchema,
  updateShowDetails,
} from '@/server/domain/shows';
import { services } from '@/server/services';
import { storeCoverImage } from './cover-upload';
import { attemptContext } from '@/server/auth/attempt';

// The form asks for a percent; the domain stores basis points.
const formExtras = {
  commissionPercent: z.coerce.number('SHOW_COMMISSION_REQUIRED').min(0, 'SHOW_COMMISSION_NEGATIVE').max(100, 'SHOW_COMMISSION_MAX'),
  coverFile: z.instanceof(File).optional(),
};
const detailsFormSchema = showDetailsSchema.omit({ commissionRateBps: true }).extend(formExtras);
const creationFormSchema = showCreationSchema.omit({ commissionRateBps: true }).extend(formExtras);

/** FormData keeps repeated fields; Object.fromEntries would keep only the last lineup entry. */
function formFields(form: FormData): Record<string, unknown> {
  return { ...Object.fromEntries(form.entries()), lineup: form.getAll('lineup') };
}

const bps = (percent: number) => Math.round(percent * 100);

/** Uploads the cover (only for a brand member), runs `save`, and removes the upload again if saving failed. */
async function withCover<T>(
  actor: Actor,
  slug: string,
  file: File | undefined,
  typedUrl: string | null,
  save: (coverImageUrl: string | null) => Promise<T>,
): Promise<T> {
  if (!file || file.size === 0) return save(typedUrl);
  await requireBrandMember(services().db, actor, { slug });
  const upload = await storeCoverImage(file);
  try {
    return await save(upload?.url ?? typedUrl);
  } catch (error) {
    if (upload) await services().storage.delete(upload.key);
    throw error;
  }
}

/** Every action's refusal (by code and params) and field sentence is translated here, on its way to the form. */
async function localised(state: Promise<ActionState>): Promise<ActionState> {
  const [{ t }, result] = await Promise.all([getI18n(), state]);
  return localiseState(result, t, SHOW_FIELDS);
}

export async function createShowAction(slug: string, _: ActionState | null, form: FormData): Promise<ActionState> {
  return localised(
    formAction(creationFormSchema, formFields(form), async ({ commissionPercent, coverFile, coverImageUrl, ...input }, user) => {
      const actor = { userId: user.id, name: user.name };
      const throttle = await attemptContext();
      const { id } = await withCover(actor, slug, coverFile, coverImageUrl, (cover) =>
        createShow(
          services().db,
          actor,
          slug,
          { ...input, coverImageUrl: cover ?? '', commissionRateBps: bps(commissionPercent) },
          { publicUrl: services().env.PUBLIC_URL, throttle },
        ),
      );
      revalidatePath(`/dashboard/brands/${slug}/shows`);
      redirect(`/dashboard/brands/${slug}/shows/${id}?created=1`);
    }),
  );
}

export async function updateShowAction(slug: string, showId: string, _: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  return localised(
    formAction(detailsFormSchema, formFields(form), async ({ commissionPercent, coverFile, coverImageUrl, ...input }, user) => {
      const actor = { userId: user.id, name: user.name };
      await withCover(actor, slug, coverFile, coverImageUrl, (cover) =>
        updateShowDetails(services().db, actor, slug, showId, {
          ...input,
          coverImageUrl: cover ?? '',
          commissionRateBps: bps(commissionPercent),
        }),
      );
      revalidatePath(`/dashboard/brands/${slug}/shows/${showId}`);
      return { ok: true, message: t('dashboard.shows.saved') };
    }),
  );
}

export async function rescheduleShowAction(slug: string, showId: string, _: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  return localised(
    formAction(z.object({ startLocal: localDateTimeSchema }), form, async ({ startLocal }, user) => {
      await rescheduleShow(services().db, { userId: user.id, name: user.name }, slug, showId, startLocal);
      revalidatePath(`/dashboard/brands/${slug}/shows/${showId}`);
      return { ok: true, message: t('dashboard.reschedule.done') };
    }),
  );
}

export async function cancelShowAction(slug: string, showId: string, _: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  return localised(
    formAction(z.object({ reason: cancelReasonSchema }), form, async ({ reason }, user) => {
      await cancelShow(services().db, { userId: user.id, name: user.name }, slug, showId, reason);
      revalidatePath(`/dashboard/brands/${slug}/shows/${showId}`);
      return { ok: true, message: t('dashboard.cancelShow.done') };
    }),
  );
}
