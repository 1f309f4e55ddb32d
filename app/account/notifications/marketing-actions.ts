'use server';

import { revalidatePath } from 'next/cache';
import { requirePageUser } from '@/app/_lib/action';
import { setMarketingConsent } from '@/server/domain/campaigns';
import { services } from '@/server/services';

/** Saves the marketing consent answer; the box unticked is a withdrawal, logged like any other answer. */
export async function saveMarketingConsentAction(form: FormData): Promise<void> {
  const user = await requirePageUser('/account/notifications');
  await setMarketingConsent(services().db, user.id, form.get('marketing') === 'on', 'preferences');
  revalidatePath('/account/notifications');
}
