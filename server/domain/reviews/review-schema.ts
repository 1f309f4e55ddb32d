import { z } from 'zod';
import { invalidField } from '../errors';

export const REVIEW_BODY_MAX = 2000;
export const REVIEW_REPLY_MAX = 1000;
export const HIDE_REASON_MAX = 200;
/** Reports from this many different people hide a review until the brand decides. */
export const REPORT_THRESHOLD = 3;
export const REVIEWS_PAGE_SIZE = 10;

export const REPORT_REASONS = ['spam', 'offensive', 'off_topic', 'not_a_buyer', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REVIEW_SORTS = ['newest', 'helpful'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

// Control characters (other than line breaks) never belong in plain text shown to others.
const CONTROL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/g;
const plainText = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(CONTROL, '').replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(max, 'TEXT_TOO_LONG'));

export const reviewInputSchema = z.object({
  productId: z.string().min(1).max(64),
  rating: z.coerce.number().int('REVIEW_RATING_RANGE').min(1, 'REVIEW_RATING_RANGE').max(5, 'REVIEW_RATING_RANGE'),
  body: plainText(REVIEW_BODY_MAX).default(''),
});
export type ReviewInput = z.input<typeof reviewInputSchema>;

export const reportInputSchema = z.object({ reason: z.enum(REPORT_REASONS, 'REVIEW_REPORT_REASON') });

export const hideReasonSchema = plainText(HIDE_REASON_MAX).pipe(z.string().min(1, 'REVIEW_HIDE_REASON_REQUIRED'));
export const replySchema = plainText(REVIEW_REPLY_MAX).pipe(z.string().min(1, 'TEXT_TOO_SHORT'));

export const reviewListQuerySchema = z.object({
  sort: z.enum(REVIEW_SORTS).catch('newest'),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});

/** Parses at the domain's edge; a refusal names the schema's reason (with its values) in the reader's language. */
export function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidField(parsed.error.issues);
  return parsed.data;
}
