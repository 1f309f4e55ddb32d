'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import { setHostShares, type HostShareInput } from '@/server/domain/payouts';
import { setShowPrivacy, SHOW_VISIBILITIES } from '@/server/domain/show-access';
import { services } from '@/server/services';

// Who may watch the show (issue 18 item 4) and how its commission is shared (item 2): thin
// actions over server/domain/show-access and server/domain/payouts.

// The domain validates the emails (setShowPrivacy); the form only bounds the frame.
const privacyFormSchema = z.object({ visibility: z.enum(SHOW_VISIBILITIES), emails: z.string().default(''), inviteFollowers: z.boolean() });

export async function setPrivacyAction(slug: string, showId: string, _: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const raw = { ...Object.fromEntries(form.entries()), inviteFollowers: form.get('inviteFollowers') === 'on' };
  const result = await formAction(privacyFormSchema, raw, async (input, user) => {
    const { invited } = await setShowPrivacy(services().db, { userId: user.id, name: user.name }, slug, showId, input, {
      publicUrl: services().env.PUBLIC_URL,
    });
    revalidatePath(`/dashboard/brands/${slug}/shows/${showId}`);
    return { ok: true, message: t('dashboard.showAccess.saved', { count: invited }) };
  });
  return localiseState(result, t);
}

const shareRowsSchema = z.object({ rows: z.array(z.object({ hostHandle: z.string(), productId: z.string(), percent: z.string() })) });

/** The form sends rows host0/product0/share0, host1/…; empty rows are skipped, percents become basis points. */
export async function setHostSharesAction(slug: string, showId: string, _: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const rows = form.getAll('host').map((host, i) => ({
    hostHandle: String(host),
    productId: String(form.getAll('product')[i] ?? ''),
    percent: String(form.getAll('share')[i] ?? ''),
  }));
  const result = await formAction(shareRowsSchema, { rows }, async (input, user) => {
    const shares: HostShareInput[] = input.rows
      .filter((r) => r.hostHandle.trim() !== '')
      .map((r) => ({
        hostHandle: r.hostHandle,
        productId: r.productId || null,
        shareBps: Math.round(Number(r.percent.replace(',', '.')) * 100),
      }));
    await setHostShares(services().db, { userId: user.id, name: user.name }, slug, showId, shares);
    revalidatePath(`/dashboard/brands/${slug}/shows/${showId}`);
    return { ok: true, message: t('dashboard.coHosts.saved') };
  });
  return localiseState(result, t);
}
