import { headers } from 'next/headers';
import { LOCAL_REQUEST_HEADER } from '@/server/local-request';
import { usesOutbox } from '@/server/mail/transport';
import { services } from '@/server/services';

/** The mailbox exists in laptop mode (no SMTP_URL) and only for requests from this machine. */
export async function mailboxAvailable(): Promise<boolean> {
  return usesOutbox(services().env) && (await headers()).get(LOCAL_REQUEST_HEADER) === '1';
}
