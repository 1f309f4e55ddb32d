import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../app/_i18n/locales';
import { MESSAGES } from '../../app/_i18n/messages';
import { createTranslator } from '../../app/_i18n/standalone';

describe('the "just bought" ticker for a bag of several products', () => {
  it('words "+ N more" in each language with its plural rules, never in English on a Khmer, Lao or Mongolian page', () => {
    for (const locale of LOCALES) {
      const t = createTranslator(locale, MESSAGES[locale]);
      const one = t('viewer.page.productAndMore', { product: 'Dewy Glow Serum', count: 1 });
      const two = t('viewer.page.productAndMore', { product: 'Dewy Glow Serum', count: 2 });
      expect(one).toContain('Dewy Glow Serum');
      expect(two).toMatch(/2/);
      if (locale !== 'en') expect(`${one} ${two}`).not.toMatch(/more/);
    }
    expect(createTranslator('km', MESSAGES.km)('viewer.page.productAndMore', { product: 'Serum', count: 1 })).toBe('Serum និង 1 មុខទៀត');
  });
});
