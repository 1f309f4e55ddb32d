'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { unsubscribeFromMarketing } from '@/server/domain/campaigns';
import { services } from '@/server/services';

const unsubscribeForm = z.object({ token: z.string().min(1).max(500) });

/** The confirm button of /marketing/unsubscribe: a plain form post, so it works without JavaScript and without signing in. */
export async function confirmMarketingUnsubscribe(form: FormData): Promise<void> {
  const parsed = unsubscribeForm.safeParse(Object.fromEntries(form.entries()));
  const token = parsed.success ? parsed.data.token : '';
  const { db, env } = services();
  let done = false;
  try {
    await unsubscribeFromMarketing(db, env.AUTH_SECRET, token);
    done = true;
  } catch (error) {
    console.warn('marketing unsubscribe refused', error instanceof Error ? error.message : error);
  }
  redirect(`/marketing/unsubscribe?token=${encodeURIComponent(token)}${done ? '&done=1' : ''}`);
}
