'use server';

import { z } from 'zod';
import { localise } from '@/app/account/localise-state';
import { publicFormAction, type ActionState } from '@/app/_lib/action';
import { safeCallbackUrl } from '@/app/_lib/safe-callback';
import { emailSchema } from '@/server/domain/accounts';
import { requestSignInLink } from '@/server/domain/accounts';
import { services } from '@/server/services';
import { getI18n } from '@/app/_i18n/server';

const linkRequestSchema = z.object({ email: emailSchema, callbackUrl: z.string().max(500).optional() });

export async function requestLinkAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const state = await publicFormAction(linkRequestSchema, form, async ({ email, callbackUrl }) => {
    const { db, env } = services();
    await requestSignInLink(db, email, { secret: env.AUTH_SECRET, callbackUrl: safeCallbackUrl(callbackUrl, env.PUBLIC_URL) });
    const { t } = await getI18n();
    const mailbox = env.SMTP_URL || env.LOCAL_MAILBOX !== 'true' ? '' : ` (${t('auth.link.mailbox')})`;
    return { ok: true, message: `${t('auth.link.sent', { email })}${mailbox}` };
  });
  // Refusals (SIGN_IN_LINKS_LIMIT) and field messages are codes and keys, read here in the reader's language.
  return localise(state);
}
