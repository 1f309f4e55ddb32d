import { z } from 'zod';
import { LOCALES } from '@/app/_i18n/locales';

/** A question to the assistant, about a show (its lineup and pinned product) or a brand (its catalog). */
export const askSchema = z
  .object({
    showId: z.string().min(1).max(64).optional(),
    brandId: z.string().min(1).max(64).optional(),
    viewerId: z.string().min(1).max(64).optional(),
    text: z.string().trim().min(1).max(500),
    pageLocale: z.enum(LOCALES),
  })
  .refine((a) => (a.showId === undefined) !== (a.brandId === undefined), { path: ['showId'], message: 'SHOW_OR_BRAND' });
export type AskInput = z.input<typeof askSchema>;
