import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { WALLET_FIELDS } from '../../app/account/wallet/localise';
import { COUPON_FIELDS } from '../../app/dashboard/brands/[slug]/coupons/messages';
import { deliveryErrorText, DEVELOPER_FIELDS } from '../../app/dashboard/brands/[slug]/developers/messages';
import { localiseState, type FieldFallbacks } from '../../app/dashboard/_i18n/localise-state';
import { issueFields, type ActionState } from '../../app/_lib/action';
import { MESSAGES } from '../../app/_i18n/messages';
import { createTranslator } from '../../app/_i18n/standalone';
import { apiKeyInputSchema } from '../../server/api/keys';
import { couponInputSchema } from '../../server/domain/coupons';
import { errorText } from '../../app/_i18n/error-text';
import { AppError, toErrorPayload } from '../../server/domain/errors';
import { validateCard } from '../../server/domain/payments';
import { addressInputSchema, cardInputSchema } from '../../server/domain/payments';
import { webhookEndpointInputSchema } from '../../server/domain/brands';
import { storedError } from '../../server/webhooks/deliver';

// Refusals of the domain are codes with params (errorText), and so are the form
// schemas' field messages: a key, with the values of the zod issue as params.
// These feed the real schemas bad input and read the result as a Khmer page
// would, so a schema that says a sentence instead of a key fails here.

const km = createTranslator('km', MESSAGES.km);

/** The real schema's failure, localised the way a dashboard form action does it. */
function localised(schema: z.ZodType, input: unknown, fields: FieldFallbacks = {}): Record<string, string> {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  const failed = result.success ? {} : issueFields(result.error.issues);
  const state = localiseState<ActionState>({ ok: false, code: 'INVALID_INPUT', message: '', ...failed }, km, fields);
  return (!state.ok && state.fieldErrors) || {};
}

function expectTranslated(fieldErrors: Record<string, string>) {
  const english = Object.values(MESSAGES.en.errors) as string[];
  expect(Object.keys(fieldErrors).length).toBeGreaterThan(0);
  for (const [field, text] of Object.entries(fieldErrors)) {
    expect(text, field).not.toBe(km('errors.INVALID_INPUT'));
    expect(english, field).not.toContain(text);
    expect(text, field).not.toMatch(/\{\w+\}|^(errors|commerce)\./);
  }
}

function cardRefusal(card: Partial<Parameters<typeof validateCard>[0]>): string {
  try {
    validateCard(
      { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123', holder: 'Nary Chan', ...card },
      new Date('2030-06-01T00:00:00Z'),
    );
  } catch (error) {
    if (error instanceof AppError) return errorText(km, toErrorPayload(error));
  }
  throw new Error('the card was accepted');
}

describe('commerce pages translate the domain sentences', () => {
  it('every wallet schema refusal for an empty or malformed address and card has a Khmer sentence', () => {
    expectTranslated(localised(addressInputSchema, { fullName: ' ', line1: '', city: '', country: 'XX', phone: 'call me' }, WALLET_FIELDS));
    const tooLong = localised(addressInputSchema, { fullName: 'x'.repeat(101), line1: 'x'.repeat(201), city: 'Phnom Penh', country: 'KH' });
    expectTranslated(tooLong);
    expect(tooLong).toEqual({ fullName: km('errors.TEXT_TOO_LONG', { max: 100 }), line1: km('errors.TEXT_TOO_LONG', { max: 200 }) });
    expectTranslated(localised(cardInputSchema, { number: 'abc', expMonth: '13', expYear: '27', cvc: '12', holder: '' }, WALLET_FIELDS));
  });

  it('every card check refusal has a Khmer sentence, including the security code length with its digit count', () => {
    const refusals = [
      cardRefusal({ number: '4242 4242 4242 4241' }),
      cardRefusal({ expMonth: 13 }),
      cardRefusal({ expYear: 1999 }),
      cardRefusal({ expYear: 2029 }),
      cardRefusal({ cvc: '12' }),
      cardRefusal({ holder: ' ' }),
    ];
    // Refusals are codes: each reads in Khmer from the errors dictionary, none in English.
    for (const text of refusals) expect(Object.values(MESSAGES.en.errors)).not.toContain(text);
    expect(new Set(refusals).size).toBe(refusals.length);
    expect(cardRefusal({ number: '3782 822463 10005', cvc: '123' })).toBe(km('errors.CARD_CVC_DIGITS', { digits: 4 }));
  });

  it('a failed wallet form reads in Khmer, with a field hint where zod used its own words', () => {
    const state = localiseState(
      {
        ok: false,
        code: 'INVALID_INPUT',
        message: 'Please check the highlighted fields.',
        fieldErrors: { expYear: 'Invalid input: expected number, received NaN', city: 'WALLET_CITY_REQUIRED' },
      },
      km,
      WALLET_FIELDS,
    );
    expect(state).toMatchObject({
      ok: false,
      fieldErrors: { expYear: MESSAGES.km.commerce.wallet.errors.yearInvalid, city: MESSAGES.km.commerce.wallet.errors.cityRequired },
    });
  });

  it('coupon schema refusals have Khmer sentences', () => {
    expectTranslated(localised(couponInputSchema, { code: 'x', kind: 'PERCENT', value: 0 }, COUPON_FIELDS));
    expectTranslated(
      localised(
        couponInputSchema,
        { code: 'SPRING', kind: 'PERCENT', value: 120, startsAt: new Date(2), expiresAt: new Date(1) },
        COUPON_FIELDS,
      ),
    );
    expect(errorText(km, toErrorPayload(new AppError('COUPON_CODE_TAKEN', { code: 'SPRING10' })))).toContain('SPRING10');
  });

  it('API key and webhook endpoint refusals have Khmer sentences', () => {
    expectTranslated(localised(apiKeyInputSchema, { name: ' ', scopes: [] }, DEVELOPER_FIELDS));
    expectTranslated(localised(apiKeyInputSchema, { name: 'x'.repeat(81), scopes: 'everything' }, DEVELOPER_FIELDS));
    expectTranslated(localised(webhookEndpointInputSchema, { url: 'ftp://example.com', events: [] }, DEVELOPER_FIELDS));
    expectTranslated(
      localised(webhookEndpointInputSchema, { url: 'https://user:pw@example.com/hook', events: 'order.paid' }, DEVELOPER_FIELDS),
    );
  });

  it("a delivery's recorded failure is a code with params and reads in Khmer; a row stored before stays as it was", () => {
    const timeout = storedError(new AppError('WEBHOOK_TIMEOUT', { seconds: 10 }));
    expect(deliveryErrorText(km, timeout)).toBe(km('errors.WEBHOOK_TIMEOUT', { seconds: 10 }));
    const refused = deliveryErrorText(km, storedError(new AppError('WEBHOOK_CONNECTION_FAILED', { error: 'ECONNREFUSED' })));
    expect(refused).toContain('ECONNREFUSED');
    expect(refused).not.toContain('Connection failed');
    expect(deliveryErrorText(km, storedError(new AppError('WEBHOOK_HTTP_STATUS', { status: 500 })))).toBe(
      km('errors.WEBHOOK_HTTP_STATUS', { status: 500 }),
    );
    expect(deliveryErrorText(km, 'HTTP 500 Internal Server Error')).toBe('HTTP 500 Internal Server Error');
  });
});
