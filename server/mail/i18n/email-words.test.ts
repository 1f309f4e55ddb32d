import { describe, expect, it } from 'vitest';
import { emailWords } from '.';

describe('email words', () => {
  it('are built once per language, not once per email (a receipt per sale must not format every fixed word again)', () => {
    const khmer = emailWords('km');
    expect(emailWords('km')).toBe(khmer);
    expect(emailWords('en')).not.toBe(khmer);
    expect(emailWords('en').receiptSubject('7')).toBe('Your receipt for order #7');
  });
});
