import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { passesLuhn } from './card-validation';
import { TestPaymentProvider } from './test-provider';
import type { PaymentWebhookEvent } from './webhook-events';

const now = () => new Date('2030-06-15T12:00:00Z');
const card = (number: string, over: Partial<{ expMonth: number; expYear: number; cvc: string; holder: string }> = {}) => ({
  number,
  expMonth: 12,
  expYear: 2031,
  cvc: '123',
  holder: 'Sam Rivera',
  ...over,
});

async function invalidField(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('INVALID_INPUT');
  return (error as AppError).message;
}

describe('test provider tokenization', () => {
  const provider = new TestPaymentProvider({ now });

  it('maps the test numbers to tokens that succeed, decline and fail for insufficient funds', async () => {
    expect(await provider.tokenizeCard(card('4242 4242 4242 4242'))).toEqual({
      token: 'tok_test_visa_4242',
      brand: 'visa',
      last4: '4242',
      expMonth: 12,
      expYear: 2031,
    });
    expect((await provider.tokenizeCard(card('4000-0000-0000-0002'))).token).toBe('tok_test_visa_decline');
    expect((await provider.tokenizeCard(card('4000000000009995'))).token).toBe('tok_test_visa_insufficient');
    const base = { amountMinor: 1000, currency: 'USD' };
    expect(await provider.authorize({ ...base, token: 'tok_test_visa_4242', idempotencyKey: 'tok-a' })).toMatchObject({ ok: true });
    expect(await provider.authorize({ ...base, token: 'tok_test_visa_decline', idempotencyKey: 'tok-b' })).toEqual({
      ok: false,
      reason: 'declined',
    });
    expect(await provider.authorize({ ...base, token: 'tok_test_visa_insufficient', idempotencyKey: 'tok-c' })).toEqual({
      ok: false,
      reason: 'insufficient_funds',
    });
  });

  it('checks a card before it is saved: the declining card fails, a card short of funds passes (funds are known only when charged)', async () => {
    expect(await provider.verifyCard('tok_test_visa_4242')).toEqual({ ok: true });
    expect(await provider.verifyCard('tok_test_visa_decline')).toEqual({ ok: false, reason: 'declined' });
    expect(await provider.verifyCard('tok_test_visa_insufficient')).toEqual({ ok: true });
    expect(await provider.verifyCard('tok_live_somewhere_else')).toEqual({ ok: false, reason: 'declined' });
  });

  it('any other valid number gets its own token that does not contain the number', async () => {
    const first = await provider.tokenizeCard(card('5555555555554444'));
    expect(first).toMatchObject({ brand: 'mastercard', last4: '4444' });
    expect(first.token).not.toContain('5555555555554444');
    expect((await provider.tokenizeCard(card('5555555555554444'))).token).not.toBe(first.token);
  });

  it('refuses numbers failing the Luhn check, expired cards and bad security codes, without the number in the error', async () => {
    expect(passesLuhn('4242424242424242')).toBe(true);
    expect(passesLuhn('4242424242424241')).toBe(false);
    expect(await invalidField(provider.tokenizeCard(card('4242424242424241')))).not.toContain('424242');
    await invalidField(provider.tokenizeCard(card('4242424242424242', { expYear: 2030, expMonth: 5 })));
    await invalidField(provider.tokenizeCard(card('4242424242424242', { expMonth: 13 })));
    await invalidField(provider.tokenizeCard(card('4242424242424242', { cvc: '12' })));
    await invalidField(provider.tokenizeCard(card('378282246310005', { cvc: '123' })));
    // A card is good through the end of its expiry month.
    expect((await provider.tokenizeCard(card('4242424242424242', { expYear: 2030, expMonth: 6 }))).expMonth).toBe(6);
  });
});

describe('test provider refunds', () => {
  it('refunds up to the captured amount, one refund per key, and announces each once', async () => {
    const events: PaymentWebhookEvent[] = [];
    const provider = new TestPaymentProvider({ webhooks: (e) => events.push(e) });
    const auth = await provider.authorize({
      token: 'tok_test_visa_4242',
      amountMinor: 1000,
      currency: 'USD',
      idempotencyKey: `refund-test-${Math.random()}`,
    });
    if (!auth.ok) throw new Error('declined');
    await expect(provider.refund({ reference: auth.reference, amountMinor: 100, idempotencyKey: 'before-capture' })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    await provider.capture(auth.reference);
    const a = await provider.refund({ reference: auth.reference, amountMinor: 600, idempotencyKey: `${auth.reference}-1` });
    expect(await provider.refund({ reference: auth.reference, amountMinor: 600, idempotencyKey: `${auth.reference}-1` })).toEqual(a);
    await expect(
      provider.refund({ reference: auth.reference, amountMinor: 401, idempotencyKey: `${auth.reference}-2` }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await provider.refund({ reference: auth.reference, amountMinor: 400, idempotencyKey: `${auth.reference}-3` });
    expect(events.map((e) => e.type)).toEqual(['payment.captured', 'refund.succeeded', 'refund.succeeded']);
  });
});

describe('test provider capture', () => {
  it('refuses loudly with PAYMENT_NOT_CAPTURABLE to capture an authorization reused after a void, or one it never gave; a second capture of a captured one takes nothing twice', async () => {
    const events: PaymentWebhookEvent[] = [];
    const provider = new TestPaymentProvider({ webhooks: (e) => events.push(e) });
    const key = `capture-test-${Math.random()}`;
    const first = await provider.authorize({ token: 'tok_test_visa_4242', amountMinor: 1000, currency: 'USD', idempotencyKey: key });
    if (!first.ok) throw new Error('declined');
    await provider.void(first.reference);
    // The same key answers with the same (now voided) authorization, as a real provider's idempotency does.
    const reused = await provider.authorize({ token: 'tok_test_visa_4242', amountMinor: 1000, currency: 'USD', idempotencyKey: key });
    expect(reused).toEqual(first);
    await expect(provider.capture(first.reference)).rejects.toMatchObject({ code: 'PAYMENT_NOT_CAPTURABLE' });
    await expect(provider.capture('test_auth_never_given')).rejects.toMatchObject({ code: 'PAYMENT_NOT_CAPTURABLE' });

    const other = await provider.authorize({ token: 'tok_test_visa_4242', amountMinor: 500, currency: 'USD', idempotencyKey: `${key}-2` });
    if (!other.ok) throw new Error('declined');
    await provider.capture(other.reference);
    await provider.capture(other.reference);
    expect(events.map((e) => e.type)).toEqual(['payment.voided', 'payment.captured']);
  });
});
