import { z } from 'zod';
import { ALL_EVENTS, BRAND_EVENT_TYPES } from '../events';

export const webhookEventSchema = z.enum([ALL_EVENTS, ...BRAND_EVENT_TYPES]);

export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2048, 'Keep the address under 2,048 characters.')
  .refine((raw) => {
    if (!URL.canParse(raw)) return false;
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  }, 'Enter a full address starting with https:// (or http://).')
  // Credentials in the URL would sit in our logs and database in the clear.
  .refine(
    (raw) => !URL.canParse(raw) || (new URL(raw).username === '' && new URL(raw).password === ''),
    'Leave the user name and password out of the address.',
  );

export const webhookEndpointInputSchema = z.object({
  url: webhookUrlSchema,
  events: z
    .array(webhookEventSchema, { error: 'Choose the events to send.' })
    .min(1, 'Choose at least one event.')
    .transform((events) => (events.includes(ALL_EVENTS) ? [ALL_EVENTS] : [...new Set(events)])),
});
/** As it arrives from a form or a test: checked by the schema inside the domain function. */
export type WebhookEndpointInput = { url: string; events: readonly string[] };
