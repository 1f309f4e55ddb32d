// Number words up to twenty in the four languages. Khmer and Lao write them without spaces
// ("យកពីរ", "ເອົາສອງອັນ"), so they are found as substrings, longest first; English and
// Mongolian are matched as whole words (Mongolian with its case endings: "хоёрыг", "гурван").
const KM_UNITS = ['មួយ', 'ពីរ', 'បី', 'បួន', 'ប្រាំ', 'ប្រាំមួយ', 'ប្រាំពីរ', 'ប្រាំបី', 'ប្រាំបួន'];
const LO_UNITS = ['ໜຶ່ງ', 'ສອງ', 'ສາມ', 'ສີ່', 'ຫ້າ', 'ຫົກ', 'ເຈັດ', 'ແປດ', 'ເກົ້າ'];
const EN = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const EN_TEENS = ['eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
// Each Mongolian number has a plain and an attributive form ("гурав" / "гурван ширхэг").
const MN: [string[], number][] = [
  [['нэг'], 1],
  [['хоёр'], 2],
  [['гурав', 'гурван', 'гурвыг', 'гурвууланг'], 3],
  [['дөрөв', 'дөрвөн', 'дөрвийг'], 4],
  [['тав', 'таван', 'тавыг'], 5],
  [['зургаа', 'зургаан'], 6],
  [['долоо', 'долоон', 'долоог'], 7],
  [['найм', 'найман', 'наймыг'], 8],
  [['ес', 'есөн', 'есийг'], 9],
  [['арав', 'арван', 'аравыг'], 10],
  [['хорь', 'хорин'], 20],
];
const MN_ENDINGS = ['', 'ыг', 'ийг', 'г', 'ийн', 'ын', 'хан', 'хон'];

const SUBSTRING_WORDS = new Map<string, number>();
KM_UNITS.forEach((w, i) => {
  SUBSTRING_WORDS.set(w, i + 1);
  SUBSTRING_WORDS.set(`ដប់${w}`, 11 + i);
});
SUBSTRING_WORDS.set('ដប់', 10);
SUBSTRING_WORDS.set('ម្ភៃ', 20);
SUBSTRING_WORDS.set('ម្ភៃមួយ', 21);
LO_UNITS.forEach((w, i) => {
  SUBSTRING_WORDS.set(w, i + 1);
  if (i > 0) SUBSTRING_WORDS.set(`ສິບ${w}`, 11 + i);
});
SUBSTRING_WORDS.set('ນຶ່ງ', 1);
SUBSTRING_WORDS.set('ສິບ', 10);
SUBSTRING_WORDS.set('ສິບເອັດ', 11);
SUBSTRING_WORDS.set('ຊາວ', 20);
SUBSTRING_WORDS.set('ຊາວເອັດ', 21);
// Words that begin like a number but are not one: Lao "ສາມາດ" (can) starts with "ສາມ" (three).
const NOT_A_NUMBER = [/^ສາມາ/];
const SUBSTRING_SORTED = [...SUBSTRING_WORDS.keys()].sort((a, b) => b.length - a.length);

const WORDS = new Map<string, number>();
EN.forEach((w, i) => WORDS.set(w, i + 1));
EN_TEENS.forEach((w, i) => WORDS.set(w, 11 + i));
WORDS.set('a couple', 2);
WORDS.set('a pair', 2);
for (const [forms, value] of MN) for (const form of forms) for (const ending of MN_ENDINGS) WORDS.set(form + ending, value);

export interface NumberMention {
  value: number;
  /** Where it starts and ends in the normalized text. */
  start: number;
  end: number;
}

/** Every number in normalized text (ASCII digits already), in order of appearance. */
export function findNumbers(text: string): NumberMention[] {
  const found: NumberMention[] = [];
  for (const m of text.matchAll(/\d+/g)) found.push({ value: Number(m[0]), start: m.index, end: m.index + m[0].length });
  const tokens = [...text.matchAll(/[\p{L}\p{M}]+/gu)];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    // Two-word forms first ("арван хоёр", "a couple"), then the word alone.
    if (next && next.index === token.index + token[0].length + 1) {
      const pair = `${token[0]} ${next[0]}`;
      const unit = /^арав|^арван/.test(token[0]) ? WORDS.get(next[0]) : undefined;
      const value = WORDS.get(pair) ?? (unit !== undefined && unit < 10 ? 10 + unit : undefined);
      if (value !== undefined) {
        found.push({ value, start: token.index, end: next.index + next[0].length });
        i += 1;
        continue;
      }
    }
    const single = WORDS.get(token[0]);
    if (single !== undefined) found.push({ value: single, start: token.index, end: token.index + token[0].length });
  }
  findSubstringWords(text, found);
  return found.sort((a, b) => a.start - b.start);
}

function findSubstringWords(text: string, found: NumberMention[]): void {
  let i = 0;
  while (i < text.length) {
    const word = SUBSTRING_SORTED.find(
      (w) => text.startsWith(w, i) && !NOT_A_NUMBER.some((re) => re.test(text.slice(i, i + w.length + 2))),
    );
    if (word) {
      found.push({ value: SUBSTRING_WORDS.get(word) ?? 0, start: i, end: i + word.length });
      i += word.length;
    } else i += 1;
  }
}
