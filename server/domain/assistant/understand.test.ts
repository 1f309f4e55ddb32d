import { describe, expect, it } from 'vitest';
import { findNumbers } from './numbers';
import { normalize, scriptLanguage } from './script';
import { variantKeys } from './slots';
import { understand } from './understand';

const numbersIn = (text: string) => findNumbers(normalize(text)).map((n) => n.value);

describe('numbers in four scripts', () => {
  it('reads ASCII, Khmer and Lao digits alike', () => {
    expect(numbersIn('2 ៣ ໔ ១២ ໑໕')).toEqual([2, 3, 4, 12, 15]);
  });

  it('reads number words up to twenty in English, Khmer, Lao and Mongolian', () => {
    expect(numbersIn('two twelve twenty')).toEqual([2, 12, 20]);
    expect(numbersIn('ពីរ ប្រាំពីរ ដប់ពីរ ម្ភៃ')).toEqual([2, 7, 12, 20]);
    expect(numbersIn('ສອງ ເຈັດ ສິບເອັດ ສິບສອງ ຊາວ')).toEqual([2, 7, 11, 12, 20]);
    expect(numbersIn('хоёр гурван арван хоёр хорь')).toEqual([2, 3, 12, 20]);
  });

  it('finds Khmer and Lao number words inside unspaced text, and not inside words that only begin like one', () => {
    expect(numbersIn('ខ្ញុំយកបីដប')).toEqual([3]);
    expect(numbersIn('ເອົາສອງອັນ')).toEqual([2]);
    expect(numbersIn('ສາມາດສົ່ງຄືນໄດ້ບໍ່')).toEqual([]);
  });
});

describe('language from the script', () => {
  it('Khmer, Lao and Cyrillic decide; Latin text falls back to the page language', () => {
    expect(scriptLanguage('តម្លៃប៉ុន្មាន')).toBe('km');
    expect(scriptLanguage('ລາຄາເທົ່າໃດ')).toBe('lo');
    expect(scriptLanguage('үнэ хэд вэ')).toBe('mn');
    expect(scriptLanguage('how much')).toBeNull();
    expect(understand('how much', { pageLocale: 'km' }).language).toBe('km');
    expect(understand('serum តម្លៃប៉ុន្មាន', { pageLocale: 'en' }).language).toBe('km');
  });
});

describe('understand', () => {
  it('"I\'ll take 2 of the 50 ml" is a buy of quantity 2 of the 50 ml variant', () => {
    expect(understand("I'll take 2 of the 50 ml", { pageLocale: 'en' })).toMatchObject({
      intent: 'buy',
      slots: { quantity: 2, variantQuery: '50 ml' },
    });
  });

  it('a 50 ml measure is a variant, never the quantity', () => {
    const u = understand('ខ្ញុំយក ៥០ml ពីរដប', { pageLocale: 'en' });
    expect(u.slots.quantity).toBe(2);
    expect(variantKeys(u.slots.variantQuery ?? '')).toEqual(['50 ml']);
  });

  it('sizes and colours are variant words in each language', () => {
    expect(variantKeys('size M')).toEqual(['size m']);
    expect(variantKeys('XL')).toEqual(['size xl']);
    expect(variantKeys('ពណ៌ក្រហម')).toEqual(['red']);
    expect(variantKeys('ສີແດງ')).toEqual(['red']);
    expect(variantKeys('улаан өнгөтэй')).toEqual(['red']);
  });

  it('takes the coupon code after a coupon word, upper-cased, and no quantity from its digits', () => {
    const u = understand('use coupon glow10', { pageLocale: 'en' });
    expect(u).toMatchObject({ intent: 'use_coupon', slots: { couponCode: 'GLOW10' } });
    expect(u.slots.quantity).toBeUndefined();
    expect(understand('ប្រើកូដ KH5 បានទេ', { pageLocale: 'km' }).slots.couponCode).toBe('KH5');
  });

  it('says unknown below its confidence rather than guess', () => {
    expect(understand('qzxv wplk', { pageLocale: 'en' }).intent).toBe('unknown');
    expect(understand('ស្អាតណាស់បង', { pageLocale: 'km' }).intent).toBe('unknown');
  });

  it('gives the same answer for the same text every time (the model is trained deterministically)', () => {
    const a = understand('хүргэлт хэд вэ', { pageLocale: 'mn' });
    expect(understand('хүргэлт хэд вэ', { pageLocale: 'mn' })).toEqual(a);
    expect(a.intent).toBe('shipping');
  });
});
