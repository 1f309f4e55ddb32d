import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../app/_i18n/messages';
import { createTranslator } from '../../app/_i18n/standalone';
import { refusalText } from '../../app/shows/[showId]/refusal-text';

const en = createTranslator('en', MESSAGES.en);
const km = createTranslator('km', MESSAGES.km);

describe('refusals on the show page', () => {
  // The sentences the domain produces (bag.ts, bag-checkout.ts, orders.ts, coupons.ts, chat.ts).
  const sentences = [
    { code: 'SOLD_OUT', message: 'Only 3 of Dewy Glow Serum (30 ml) left.' },
    { code: 'SOLD_OUT', message: 'Sorry, Dewy Glow Serum (30 ml) is sold out.' },
    { code: 'SOLD_OUT', message: 'Sorry, Dewy Glow Serum (30 ml) just sold out. Remove it or lower the quantity to pay.' },
    { code: 'LIMIT_REACHED', message: 'You can buy at most 2 of this product in this show.' },
    { code: 'LIMIT_REACHED', message: 'You can buy at most 2 of Dewy Glow Serum in this show.' },
    { code: 'NOT_IN_LINEUP', message: 'Dewy Glow Serum (30 ml) is no longer available. Remove it to pay.' },
    { code: 'INVALID_STATE', message: 'Your bag holds up to 20 different items.' },
    { code: 'RATE_LIMITED', message: 'Slow mode is on: you can send another message in 12 s.' },
    { code: 'COUPON_INVALID', message: 'We do not know the code NOPE-123.' },
    { code: 'COUPON_INVALID', message: 'This code needs a subtotal of at least $50.00.' },
  ];

  it('reads in English exactly as the domain wrote it', () => {
    for (const error of sentences) expect(refusalText(en, error)).toBe(error.message);
  });

  it('keeps names, counts and codes when it translates', () => {
    const onlyLeft = refusalText(km, sentences[0]!);
    expect(onlyLeft).not.toBe(sentences[0]!.message);
    expect(onlyLeft).toContain('Dewy Glow Serum (30 ml)');
    expect(onlyLeft).toContain('3');
    expect(refusalText(km, sentences[8]!)).toContain('NOPE-123');
  });

  it('falls back to the sentence of the code for anything else', () => {
    expect(refusalText(km, { code: 'PAYMENT_DECLINED', message: 'Card declined by the issuer.' })).toBe(
      MESSAGES.km.errors.PAYMENT_DECLINED,
    );
    expect(refusalText(km, { code: 'COUPON_INVALID', message: 'Some new coupon sentence.' })).toBe(
      MESSAGES.km.viewer.refusal.couponInvalid,
    );
  });
});
