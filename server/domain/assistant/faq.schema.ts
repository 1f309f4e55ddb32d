import { z } from 'zod';
import { LOCALES, type Locale } from '@/app/_i18n/locales';

const perLocale = <T extends z.ZodType>(value: T) => z.partialRecord(z.enum(LOCALES), value);

/** One FAQ entry as the brand writes it: question variants and an answer, per language. */
export const faqEntrySchema = z
  .object({
    questions: perLocale(z.array(z.string().trim().min(2).max(200)).max(20)),
    answers: perLocale(z.string().trim().max(2000)),
  })
  .refine((e) => Object.values(e.questions).some((q) => q && q.length > 0), { path: ['questions'], message: 'FAQ_NEEDS_QUESTION' })
  .refine((e) => Object.values(e.answers).some((a) => a), { path: ['answers'], message: 'FAQ_NEEDS_ANSWER' });
export type FaqEntryInput = z.input<typeof faqEntrySchema>;

/** The brand's policies the assistant quotes, each per language. */
export const assistantPolicySchema = z.object({
  shippingText: perLocale(z.string().trim().max(1000)),
  deliveryTime: perLocale(z.string().trim().max(1000)),
  returns: perLocale(z.string().trim().max(2000)),
});
export type AssistantPolicyInput = z.input<typeof assistantPolicySchema>;

export type PerLocale<T> = Partial<Record<Locale, T>>;
