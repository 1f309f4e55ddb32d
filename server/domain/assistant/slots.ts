// Slot filling: quantity, variant words (measures, sizes, colours) and coupon codes, found in text
// normalized by script.ts. Khmer and Lao words are found as substrings (no spaces between words),
// English and Mongolian words as whole words.
import type { AssistantSlots } from './understanding';
import { findNumbers, type NumberMention } from './numbers';
import { asciiDigits, normalize } from './script';

const UNITS: [RegExp, string][] = [
  [/^ ?(ml|mls|មល|មីលីលីត្រ|មីលី|ມລ|ມິນລິລິດ|ມລິ|мл)/u, 'ml'],
  [/^ ?(g|gr|grams?|ក្រាម|ກຣາມ|ກຼາມ|гр|грамм)(?![\p{L}])/u, 'g'],
  [/^ ?(kg|គីឡូ|ກິໂລ|кг)/u, 'kg'],
  [/^ ?(cm|សម|ຊມ|см)(?![\p{L}])/u, 'cm'],
];

// Canonical colour → how each language writes it (Khmer/Lao as substrings, others as words).
const COLOURS: Record<string, { words: string[]; parts: string[] }> = {
  red: { words: ['red', 'улаан'], parts: ['ក្រហម', 'ແດງ'] },
  pink: { words: ['pink', 'ягаан'], parts: ['ផ្កាឈូក', 'ສີບົວ'] },
  rose: { words: ['rose', 'сарнай'], parts: ['កុលាប', 'ກຸຫຼາບ'] },
  coral: { words: ['coral', 'шүрэн'], parts: ['ផ្កាថ្ម', 'ປະກາລັງ'] },
  berry: { words: ['berry', 'жимсгэнэ'], parts: ['ប៊ឺរី', 'ເບີຣີ'] },
  nude: { words: ['nude', 'нюд'], parts: ['នូដ', 'ນູດ'] },
  black: { words: ['black', 'хар'], parts: ['ខ្មៅ', 'ສີດຳ'] },
  white: { words: ['white', 'цагаан'], parts: ['ពណ៌ស', 'ສີຂາວ'] },
  blue: { words: ['blue', 'цэнхэр'], parts: ['ខៀវ', 'ສີຟ້າ'] },
  green: { words: ['green', 'ногоон'], parts: ['បៃតង', 'ສີຂຽວ'] },
  brown: { words: ['brown', 'бор'], parts: ['ត្នោត', 'ນ້ຳຕານ'] },
  purple: { words: ['purple', 'нил'], parts: ['ស្វាយ', 'ສີມ່ວງ'] },
  yellow: { words: ['yellow', 'шар'], parts: ['លឿង', 'ເຫຼືອງ'] },
  grey: { words: ['grey', 'gray', 'саарал'], parts: ['ប្រផេះ', 'ສີເທົາ'] },
};
const MN_ENDINGS = ['', 'ыг', 'ийг', 'г', 'тай', 'той', 'ийн', 'ын', 'аар', 'оор'];
const SIZE_WORD = /(size|sz|ទំហំ|សាយ|ຂະໜາດ|ໄຊ|хэмжээ|размер)\s*$/u;
const COUPON_WORD = /(coupon|code|promo|voucher|កូដ|គូប៉ុង|ລະຫັດ|ຄູປອງ|ໂຄດ|код|купон)/iu;
const COUPON_TOKEN = /^[A-Za-z][A-Za-z0-9_-]{2,23}$/;

interface Span {
  start: number;
  end: number;
}

export interface VariantMention extends Span {
  /** Canonical form: "50 ml", "size m", "red". */
  key: string;
}

/** Measures, sizes and colours in normalized text. */
export function findVariants(text: string, original: string): VariantMention[] {
  const found: VariantMention[] = [];
  for (const m of text.matchAll(/\d+(?:[.,]\d+)?/g)) {
    const after = text.slice(m.index + m[0].length);
    for (const [re, unit] of UNITS) {
      const u = re.exec(after);
      if (u) {
        found.push({ key: `${m[0].replace(',', '.')} ${unit}`, start: m.index, end: m.index + m[0].length + u[0].length });
        break;
      }
    }
  }
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])(xxs|xs|s|m|l|xl|xxl|xxxl|2xl|3xl)(?![\p{L}\p{N}'])/gu)) {
    const size = m[1] ?? '';
    const before = text.slice(0, m.index);
    // A lone "s", "m" or "l" is a size only when written as one (capital, or after a size word).
    const typedCapital = new RegExp(`(?<![\\p{L}\\p{N}])${size.toUpperCase()}(?![\\p{L}\\p{N}])`, 'u').test(original);
    if (size.length > 1 || typedCapital || SIZE_WORD.test(before))
      found.push({ key: `size ${size}`, start: m.index, end: m.index + m[0].length });
  }
  const words = [...text.matchAll(/[\p{L}\p{M}]+/gu)];
  for (const [key, { words: forms, parts }] of Object.entries(COLOURS)) {
    for (const w of words) {
      if (forms.some((f) => MN_ENDINGS.some((e) => w[0] === f + e))) found.push({ key, start: w.index, end: w.index + w[0].length });
    }
    for (const part of parts) {
      const at = text.indexOf(part);
      if (at >= 0) found.push({ key, start: at, end: at + part.length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** A coupon code: the word after a coupon word, or (when the question is about a coupon) a code-like token. */
function findCoupon(original: string, couponIntent: boolean): string | undefined {
  const tokens = [...asciiDigits(original).matchAll(/[\p{L}\p{M}\p{N}_-]+/gu)].map((m) => m[0]);
  const at = tokens.findIndex((t) => COUPON_WORD.test(t));
  if (at >= 0) {
    const code = tokens.slice(at + 1).find((t) => COUPON_TOKEN.test(t) && !COUPON_WORD.test(t) && /\d|^[A-Z0-9_-]+$/.test(t));
    if (code) return code.toUpperCase();
  }
  if (!couponIntent) return undefined;
  const code = tokens.find((t) => COUPON_TOKEN.test(t) && /^[A-Z0-9_-]+$/.test(t) && /[A-Z]/.test(t) && t.length >= 4);
  return code?.toUpperCase();
}

const STOPWORDS = new Set(
  (
    "i i'll ill im i'm me my you your u it it's its is are was be the a an of for to in on at and or do does did can could " +
    'please pls plz how much many what whats which this that these those there have has get want take buy give add use with ' +
    'price cost left stock still size sizes colour color colours colors any some more one ones bag cart coupon code ok yes ' +
    'hi hello hey shop sis bro dear ship shipping deliver delivery return returns made ingredients deal discount order'
  ).split(' '),
);

export function extractSlots(original: string, couponIntent: boolean): AssistantSlots & { variantKeys: string[] } {
  const couponCode = findCoupon(original, couponIntent);
  // The code is blanked out first: "SAVE10" holds no quantity and names no product.
  const normalized = normalize(original);
  const codeAt = couponCode ? normalized.indexOf(couponCode.toLowerCase()) : -1;
  const text =
    codeAt >= 0
      ? normalized.slice(0, codeAt) + ' '.repeat(couponCode?.length ?? 0) + normalized.slice(codeAt + (couponCode?.length ?? 0))
      : normalized;
  const slots: AssistantSlots & { variantKeys: string[] } = { variantKeys: [] };
  const variants = findVariants(text, original);
  if (couponCode) slots.couponCode = couponCode;
  if (variants.length > 0) {
    slots.variantQuery = variants.map((v) => text.slice(v.start, v.end).trim()).join(' ');
    slots.variantKeys = [...new Set(variants.map((v) => v.key))];
  }
  const numbers = findNumbers(text).filter((n: NumberMention) => !variants.some((v) => overlaps(v, n)));
  const quantity = numbers.find((n) => n.value >= 1 && n.value <= 999);
  if (quantity) slots.quantity = quantity.value;
  let rest = text;
  for (const span of [...variants, ...numbers].sort((a, b) => b.start - a.start))
    rest = rest.slice(0, span.start) + ' ' + rest.slice(span.end);
  const words = rest.split(/\s+/).filter((w) => w && !STOPWORDS.has(w) && !/^@/.test(w));
  if (words.length > 0) slots.productQuery = words.join(' ');
  return slots;
}

/** The canonical variant words of a typed variant ("50ML", "៥០ មល" → ["50 ml"]): for matching and the evaluation. */
export function variantKeys(typed: string): string[] {
  return [...new Set(findVariants(normalize(typed), typed).map((v) => v.key))];
}
