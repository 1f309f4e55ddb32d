import { z } from 'zod';
import { IMAGE_SOURCE_MESSAGE, isAllowedImageUrl } from '../image-sources';
import { LOCAL_DATE_TIME } from '../zoned-time';

export const SHOW_LINEUP_MAX = 50;

export const localDateTimeSchema = z.string().trim().regex(LOCAL_DATE_TIME, 'SHOW_START_FORMAT');

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
  .max(SHOW_LINEUP_MAX, 'SHOW_LINEUP_TOO_LONG')
  .refine((ids) => new Set(ids).size === ids.length, 'SHOW_LINEUP_TWICE');

/** What a brand can change on a show at any time before it ends. */
export const showDetailsSchema = z.object({
  title: z.string().trim().min(1, 'SHOW_TITLE_REQUIRED').max(120, 'TEXT_TOO_LONG'),
  description: z.string().trim().max(2000, 'TEXT_TOO_LONG').default(''),
  coverImageUrl: coverImageUrlSchema,
  plannedDurationMinutes: z.coerce.number().int('SHOW_DURATION_WHOLE').min(5, 'SHOW_DURATION_MIN').max(1440, 'SHOW_DURATION_MAX'),
  /** Basis points of each order line: 1000 = 10 %. Forms take a percent and convert. */
  commissionRateBps: z.coerce.number().int().min(0, 'SHOW_COMMISSION_NEGATIVE').max(10_000, 'SHOW_COMMISSION_MAX'),
  lineup: lineupSchema,
  /**
   * Whether the show is recorded (its replay and the HLS backup stream). A form's unchecked box sends
   * nothing, so the form sends a hidden "false" before it; absent (a caller that does not say) keeps it.
   */
  recordingEnabled: z
    .union([z.boolean(), z.enum(['on', 'true', 'false'])])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === true || value === 'on' || value === 'true')),
  /** The shop assistant answers in the show (issue 19); sent like recordingEnabled, absent keeps it. */
  assistantEnabled: z
    .union([z.boolean(), z.enum(['on', 'true', 'false'])])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === true || value === 'on' || value === 'true')),
});
export type ShowDetailsInput = z.input<typeof showDetailsSchema>;

export const hostHandleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((handle) => handle.replace(/^@/, ''))
  .pipe(z.string().min(1, 'SHOW_HOST_REQUIRED').max(30));

export const showCreationSchema = showDetailsSchema.extend({
  /** Wall-clock time in the brand's time zone. */
  startLocal: localDateTimeSchema,
  hostHandle: hostHandleSchema,
});
export type ShowCreationInput = z.input<typeof showCreationSchema>;

export const cancelReasonSchema = z.string().trim().max(500, 'TEXT_TOO_LONG').default('');

export const hostInviteResponseSchema = z.enum(['accept', 'decline']);
export type HostInviteResponse = z.infer<typeof hostInviteResponseSchema>;
