// The brand's FAQ and policies for the assistant (issue 19 item 4): edited in the dashboard, matched
// against a question by pg_trgm similarity over every question variant the brand wrote.
import { rawQuery } from '../../db/raw';
import { requireBrandMember } from '../brands';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import { LOCALES, type Locale } from '@/app/_i18n/locales';
import { assistantPolicySchema, faqEntrySchema, type AssistantPolicyInput, type FaqEntryInput, type PerLocale } from './faq.schema';

export const MAX_FAQ_ENTRIES = 100;
/** Below this similarity between the question and a variant the FAQ entry is not the answer. */
const FAQ_MATCH = 0.45;

export interface FaqEntry {
  id: string;
  questions: PerLocale<string[]>;
  answers: PerLocale<string>;
}

export interface AssistantPolicy {
  shippingText: PerLocale<string>;
  deliveryTime: PerLocale<string>;
  returns: PerLocale<string>;
}

function perLocale<T>(json: unknown, isT: (v: unknown) => v is T): PerLocale<T> {
  const out: PerLocale<T> = {};
  if (json && typeof json === 'object')
    for (const locale of LOCALES) {
      const v = (json as Record<string, unknown>)[locale];
      if (isT(v)) out[locale] = v;
    }
  return out;
}
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isTexts = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The text in the asker's language, else English, else any language the brand wrote. */
export function inLanguage(texts: PerLocale<string>, language: Locale): string | undefined {
  return texts[language] ?? texts.en ?? LOCALES.map((l) => texts[l]).find(Boolean);
}

export async function listFaq(db: Db, actor: Actor, brandSlug: string): Promise<FaqEntry[]> {
  const brand = await requireBrandMember(db, actor, { slug: brandSlug });
  return brandFaq(db, brand.brandId);
}

async function brandFaq(db: Db, brandId: string): Promise<FaqEntry[]> {
  const rows = await db.brandFaq.findMany({ where: { brandId }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }] });
  return rows.map((r) => ({ id: r.id, questions: perLocale(r.questions, isTexts), answers: perLocale(r.answers, isText) }));
}

/** Adds an entry, or replaces one of this brand's entries when `id` is given. */
export async function saveFaqEntry(db: Db, actor: Actor, brandSlug: string, input: FaqEntryInput & { id?: string }): Promise<FaqEntry> {
  const brand = await requireBrandMember(db, actor, { slug: brandSlug });
  const parsed = faqEntrySchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_FIELD', { field: String(parsed.error.issues[0]?.path[0] ?? 'questions') });
  const data = { questions: parsed.data.questions, answers: parsed.data.answers };
  if (input.id) {
    const updated = await db.brandFaq.updateMany({ where: { id: input.id, brandId: brand.brandId }, data });
    if (updated.count === 0) throw new AppError('NOT_FOUND', `faq ${input.id}`);
    return { id: input.id, ...data };
  }
  const count = await db.brandFaq.count({ where: { brandId: brand.brandId } });
  if (count >= MAX_FAQ_ENTRIES) throw new AppError('LIMIT_REACHED', `faq of ${brand.slug} is full`);
  const row = await db.brandFaq.create({ data: { brandId: brand.brandId, position: count, ...data } });
  return { id: row.id, ...data };
}

export async function deleteFaqEntry(db: Db, actor: Actor, brandSlug: string, id: string): Promise<void> {
  const brand = await requireBrandMember(db, actor, { slug: brandSlug });
  await db.brandFaq.deleteMany({ where: { id, brandId: brand.brandId } });
}

export async function getAssistantPolicy(db: Db, brandId: string): Promise<AssistantPolicy> {
  const row = await db.brandAssistantPolicy.findUnique({ where: { brandId } });
  return {
    shippingText: perLocale(row?.shippingText, isText),
    deliveryTime: perLocale(row?.deliveryTime, isText),
    returns: perLocale(row?.returns, isText),
  };
}

export async function myAssistantPolicy(db: Db, actor: Actor, brandSlug: string): Promise<AssistantPolicy> {
  const brand = await requireBrandMember(db, actor, { slug: brandSlug });
  return getAssistantPolicy(db, brand.brandId);
}

export async function saveAssistantPolicy(db: Db, actor: Actor, brandSlug: string, input: AssistantPolicyInput): Promise<AssistantPolicy> {
  const brand = await requireBrandMember(db, actor, { slug: brandSlug });
  const parsed = assistantPolicySchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_FIELD', { field: String(parsed.error.issues[0]?.path[0] ?? 'returns') });
  const clean = (t: PerLocale<string>) => Object.fromEntries(Object.entries(t).filter(([, v]) => v));
  const data = {
    shippingText: clean(parsed.data.shippingText),
    deliveryTime: clean(parsed.data.deliveryTime),
    returns: clean(parsed.data.returns),
  };
  await db.brandAssistantPolicy.upsert({ where: { brandId: brand.brandId }, create: { brandId: brand.brandId, ...data }, update: data });
  return getAssistantPolicy(db, brand.brandId);
}

/** The FAQ answer whose question variants (any language) are most like the question, if like enough. */
export async function matchFaq(db: Db, brandId: string, text: string, language: Locale): Promise<{ id: string; answer: string } | null> {
  const rows = await rawQuery<{ id: string; answers: unknown; score: number }>(
    db,
    `SELECT f.id, f.answers, max(similarity(lower(q.value), $2)) AS score
       FROM "BrandFaq" f, jsonb_each(f.questions) AS l, jsonb_array_elements_text(l.value) AS q(value)
      WHERE f."brandId" = $1 AND jsonb_typeof(l.value) = 'array'
      GROUP BY f.id ORDER BY score DESC, f.id LIMIT 1`,
    [brandId, text.toLowerCase().trim()],
  );
  const best = rows[0];
  if (!best || Number(best.score) < FAQ_MATCH) return null;
  const answer = inLanguage(perLocale(best.answers, isText), language);
  return answer ? { id: best.id, answer } : null;
}
