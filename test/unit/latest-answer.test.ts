import { describe, expect, it } from 'vitest';
import { latestAnswerGate } from '../../app/_lib/latest-answer';

describe('answers that replace the whole bag', () => {
  it('an older answer that arrives after a newer one is dropped (a late refresh cannot wipe a coupon refusal)', () => {
    const gate = latestAnswerGate();
    const rejoinRefresh = gate.issue();
    const couponRefusal = gate.issue();
    expect(gate.admit(couponRefusal)).toBe(true);
    expect(gate.admit(rejoinRefresh)).toBe(false);
  });

  it('answers that arrive in order are all applied', () => {
    const gate = latestAnswerGate();
    const tickets = [gate.issue(), gate.issue(), gate.issue()];
    expect(tickets.map((ticket) => gate.admit(ticket))).toEqual([true, true, true]);
  });
});
