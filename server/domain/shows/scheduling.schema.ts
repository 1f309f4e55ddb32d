import { z } from 'zod';
import { IMAGE_SOURCE_MESSAGE, isAllowedImageUrl } from '../image-sources';
import { LOCAL_DATE_TIME } from '../zoned-time';

export const SHOW_LINEUP_MAX = 50;

export const localDateTimeSchema = z.string().trim().regex(LOCAL_DATE_TIME, 'Use the date and time picker (YYYY-MM-DDTHH:mm).');

// Our own uploads (/uploads/<key> or the bucket) or a link from IMAGE_HOSTS (see image-sources.ts).
export const coverImageUrlSchema = z
  .union([
    z.literal(''),
    z
      .string()
      .max(500, IMAGE_SOURCE_MESSAGE)
      .refine((url) => isAllowedImageUrl(url), IMAGE_SOURCE_MESSAGE),
  ])
  .optional()
  .transform((url) => url || null);

export const lineupSchema = z
  .array(z.string().trim().min(1).max(64))
  .max(SHOW_LINEUP_MAX, `A show can feature at most ${SHOW_LINEUP_MAX} products.`)
  .refine((ids) => new Set(ids).size === ids.length, 'Each product can be in the lineup only once.');

/** What a brand can change on a show at any time before it ends. */
export const showDetailsSchema = z.object({
  title: z.string().trim().min(1, 'Give the show a title.').max(120, 'Use at most 120 characters.'),
  description: z.string().trim().max(2000, 'Use at most 2000 characters.').default(''),
  coverImageUrl: coverImageUrlSchema,
  plannedDurationMinutes: z.coerce.number().int('Use whole minutes.').min(5, 'At least 5 minutes.').max(1440, 'At most 24 hours.'),
  /** Basis points of each order line: 1000 = 10 %. Forms take a percent and convert. */
  commissionRateBps: z.coerce.number().int().min(0, 'Commission cannot be negative.').max(10_000, 'Commission cannot exceed 100 %.'),
  lineup: lineupSchema,
});
export type ShowDetailsInput = z.input<typeof showDetailsSchema>;

export const hostHandleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((handle) => handle.replace(/^@/, ''))
  .pipe(z.string().min(1, 'Enter the host’s handle.').max(30));

export const showCreationSchema = showDetailsSchema.extend({
  /** Wall-clock time in the brand's time zone. */
  startLocal: localDateTimeSchema,
  hostHandle: hostHandleSchema,
});
export type ShowCreationInput = z.input<typeof showCreationSchema>;

export const cancelReasonSchema = z.string().trim().max(500, 'Use at most 500 characters.').default('');

export const hostInviteResponseSchema = z.enum(['accept', 'decline']);
export type HostInviteResponse = z.infer<typeof hostInviteResponseSchema>;
