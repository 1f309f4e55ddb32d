// A stopgap for the placeholder engine, which knows English words only: the few Khmer, Lao and
// Mongolian words the show's conversation needs (price, stock, buy, bag, coupon) and the digits of
// the Khmer, Lao and Mongolian scripts. The real engine (assistant-brain, issue 19 item 3) replaces
// both; this runs only when understand() found nothing, so it never overrides the engine.
import type { AssistantIntent, Understanding } from './understanding';

const LOCAL_KEYWORDS: [AssistantIntent, RegExp][] = [
  ['use_coupon', /គូប៉ុង|កូដ|ຄູປອງ|ລະຫັດ|купон|код/i],
  ['add_to_bag', /កន្ត្រក|ກະຕ່າ|сагс/i],
  ['buy', /យក|ទិញ|ເອົາ|ຊື້|авъя|авна|худалдаж/i],
  ['price', /តម្លៃ|ប៉ុន្មាន|ລາຄາ|ເທົ່າໃດ|үнэ|хэд вэ/i],
  ['stock', /នៅសល់|ເຫຼືອ|үлдсэн|байгаа юу/i],
  ['shipping', /ដឹកជញ្ជូន|ຂົນສົ່ງ|хүргэлт/i],
];

// Khmer ០-៩ (U+17E0), Lao ໐-໙ (U+0ED0), Mongolian ᠐-᠙ (U+1810).
const DIGIT_ZEROES = [0x17e0, 0x0ed0, 0x1810];

/** The text with every digit of the three scripts written as an ASCII digit. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u17e0-\u17e9\u0ed0-\u0ed9\u1810-\u1819]/g, (digit) => {
    const code = digit.charCodeAt(0);
    const zero = DIGIT_ZEROES.find((z) => code >= z && code <= z + 9)!;
    return String(code - zero);
  });
}

export function withLocalKeywords(understood: Understanding, text: string): Understanding {
  if (understood.intent !== 'unknown') return understood;
  const match = LOCAL_KEYWORDS.find(([, pattern]) => pattern.test(text));
  return match ? { ...understood, intent: match[0], confidence: 0.5 } : understood;
}
