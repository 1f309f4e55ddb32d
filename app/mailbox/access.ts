import { headers } from 'next/headers';
import { LOCAL_REQUEST_HEADER } from '@/server/local-request';
import { usesOutbox } from '@/server/mail/transport';
import { services } from '@/server/services';

/**
 * The mailbox exists only when LOCAL_MAILBOX is on (by default only for a
 * localhost PUBLIC_URL without SMTP_URL), and then only for requests from this
 * machine that did not come through a proxy.
 */
export async function mailboxAvailable(): Promise<boolean> {
  const { env } = services();
  return env.LOCAL_MAILBOX === 'true' && usesOutbox(env) && (await headers()).get(LOCAL_REQUEST_HEADER) === '1';
}
