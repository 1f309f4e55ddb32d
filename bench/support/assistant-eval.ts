// The assistant's evaluation (issue 19 item 7): the labelled questions of
// test/fixtures/assistant-eval/*.json (written apart from the engine's training phrases) through
// understand() and, for price and stock questions, through answerQuestion() against the seeded demo
// show. Used by bench/assistant-eval.ts (the recorded figures) and by a vitest regression guard.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../app/_i18n/locales';
import type { PrismaClient } from '../../server/db/client';
import { answerQuestion, understand, variantKeys, type AssistantIntent } from '../../server/domain/assistant';

const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures/assistant-eval');

export interface EvalQuestion {
  text: string;
  intent: AssistantIntent;
  slots?: { quantity?: number; variant?: string; couponCode?: string; product?: string };
}

export interface LanguageScore {
  language: Locale;
  questions: number;
  intentCorrect: number;
  slots: number;
  slotsCorrect: number;
  /** Price and stock answers checked against the database. */
  figureAnswers: number;
  /** Answers naming a price or stock figure the database does not hold for the product asked about. */
  wrongFigures: number;
  misses: string[];
}

export function loadEvalSet(): { language: Locale; questions: EvalQuestion[] }[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(FIXTURES, f), 'utf8')) as { language: Locale; questions: EvalQuestion[] });
}

/** The demo show's pinned product is the subject of a question that names none. */
const PINNED = 'demo_product_serum';

export async function evaluateAssistant(db: PrismaClient, showId: string): Promise<LanguageScore[]> {
  await db.show.update({ where: { id: showId }, data: { pinnedProductId: PINNED } });
  const scores: LanguageScore[] = [];
  for (const { language, questions } of loadEvalSet()) {
    const score: LanguageScore = {
      language,
      questions: 0,
      intentCorrect: 0,
      slots: 0,
      slotsCorrect: 0,
      figureAnswers: 0,
      wrongFigures: 0,
      misses: [],
    };
    for (const q of questions) {
      score.questions++;
      const u = understand(q.text, { pageLocale: language });
      if (u.intent === q.intent) score.intentCorrect++;
      else score.misses.push(`${q.text} → ${u.intent} (expected ${q.intent})`);
      const expected = q.slots ?? {};
      const check = (ok: boolean, what: string) => {
        score.slots++;
        if (ok) score.slotsCorrect++;
        else score.misses.push(`${q.text}: slot ${what}`);
      };
      if (expected.quantity !== undefined)
        check(u.slots.quantity === expected.quantity, `quantity ${u.slots.quantity} ≠ ${expected.quantity}`);
      if (expected.variant !== undefined)
        check(variantKeys(u.slots.variantQuery ?? '').includes(expected.variant), `variant "${u.slots.variantQuery}"`);
      if (expected.couponCode !== undefined) check(u.slots.couponCode === expected.couponCode, `coupon ${u.slots.couponCode}`);
      if ((q.intent === 'price' || q.intent === 'stock') && u.intent === q.intent) {
        const reply = await answerQuestion(db, { showId, text: q.text, pageLocale: language });
        const product = expected.product ?? PINNED;
        const answered = reply.kind === 'answer' ? reply.product?.productId : undefined;
        if (expected.product !== undefined) check(answered === expected.product, `product ${answered}`);
        score.figureAnswers++;
        const wrong = reply.kind !== 'answer' || answered !== product || !(await figuresTrue(db, showId, product, reply.text, q.intent));
        if (wrong) {
          score.wrongFigures++;
          score.misses.push(`${q.text}: WRONG FIGURE "${'text' in reply ? reply.text : reply.kind}"`);
        }
      }
    }
    scores.push(score);
  }
  return scores;
}

/** Every number in the answer is one the database holds for that product now: a price, deal price or stock. */
async function figuresTrue(db: PrismaClient, showId: string, productId: string, text: string, intent: 'price' | 'stock'): Promise<boolean> {
  const variants = await db.productVariant.findMany({ where: { productId }, select: { name: true, priceMinor: true, stock: true } });
  const deals = await db.flashDeal.findMany({
    where: { showId, productId, endedAt: null, endsAt: { gt: new Date() } },
    select: { priceMinor: true },
  });
  const digits = (n: number) => String(n);
  const allowed = new Set<string>();
  for (const v of variants) {
    for (const d of v.name.match(/\d+/g) ?? []) allowed.add(d);
    if (intent === 'stock') allowed.add(digits(v.stock));
    else for (const minor of [v.priceMinor, ...deals.map((d) => d.priceMinor)]) for (const form of moneyForms(minor)) allowed.add(form);
  }
  const found = text.replace(/[\u17e0-\u17e9]/g, (d) => String(d.charCodeAt(0) - 0x17e0)).match(/\d[\d.,]*\d|\d/g) ?? [];
  if (found.length === 0) return false;
  return found.every((f) => allowed.has(f.replace(/[.,]$/, '')));
}

/** How an amount in cents may be written: 38, 38.00, 38,00, 3,800.00 … (the locale decides; the figure must be the same). */
function moneyForms(minor: number): string[] {
  const major = Math.floor(minor / 100);
  const cents = String(minor % 100).padStart(2, '0');
  const grouped = (sep: string) => String(major).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return ['', ',', '.', ' '].flatMap((g) => [`${grouped(g)}.${cents}`, `${grouped(g)},${cents}`, grouped(g)]);
}
