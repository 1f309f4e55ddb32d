import { describe, expect, it } from 'vitest';
import { errorText } from '../../app/_i18n/error-text';
import { MESSAGES } from '../../app/_i18n/messages';
import { createTranslator } from '../../app/_i18n/standalone';
import { AppError, toErrorPayload } from '../../server/domain/errors';

const en = createTranslator('en', MESSAGES.en);
const km = createTranslator('km', MESSAGES.km);

describe('refusals on the show page', () => {
  // What the domain throws (bag.ts, bag-checkout.ts, orders.ts, coupons.ts, chat.ts), as the socket carries it.
  const refusals = [
    toErrorPayload(new AppError('ONLY_LEFT', { count: 3, name: 'Dewy Glow Serum (30 ml)' })),
    toErrorPayload(new AppError('SOLD_OUT_NAMED', { name: 'Dewy Glow Serum (30 ml)' })),
    toErrorPayload(new AppError('LINE_SOLD_OUT', { name: 'Dewy Glow Serum (30 ml)' })),
    toErrorPayload(new AppError('LIMIT_PER_BUYER', { max: 2 })),
    toErrorPayload(new AppError('LIMIT_PER_PRODUCT', { max: 2, product: 'Dewy Glow Serum' })),
    toErrorPayload(new AppError('LINE_GONE', { name: 'Dewy Glow Serum (30 ml)' })),
    toErrorPayload(new AppError('BAG_FULL', { max: 20 })),
    toErrorPayload(new AppError('CHAT_SLOW_MODE', { retryAfterSeconds: 12 })),
    toErrorPayload(new AppError('COUPON_UNKNOWN', { code: 'NOPE-123' })),
    toErrorPayload(new AppError('COUPON_MINIMUM', { amount: '$50.00' })),
  ];

  it('reads in English as the payload message says, both rendered from the same dictionary', () => {
    for (const error of refusals) expect(errorText(en, error)).toBe(error.message);
  });

  it('translates by reason and params, keeping names, counts and codes', () => {
    const onlyLeft = errorText(km, refusals[0]!);
    expect(onlyLeft).toBe(km('errors.ONLY_LEFT', { count: 3, name: 'Dewy Glow Serum (30 ml)' }));
    expect(onlyLeft).toContain('Dewy Glow Serum (30 ml)');
    expect(onlyLeft).toContain('3');
    expect(errorText(km, refusals[8]!)).toContain('NOPE-123');
    expect(errorText(km, refusals[7]!)).toContain('12');
  });

  it('never reads the English message: a changed message changes nothing, and a bare code reads its own sentence', () => {
    const reworded = { ...refusals[0]!, message: 'Something else entirely.' };
    expect(errorText(km, reworded)).toBe(errorText(km, refusals[0]!));
    expect(errorText(km, { code: 'PAYMENT_DECLINED' })).toBe(MESSAGES.km.errors.PAYMENT_DECLINED);
    expect(errorText(km, { code: 'COUPON_INVALID', reason: 'NO_SUCH_REASON_YET' })).toBe(MESSAGES.km.errors.COUPON_INVALID);
  });
});
