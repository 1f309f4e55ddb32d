import { describe, expect, it } from 'vitest';
import { currencyChoices, timeZoneChoices } from '@/app/_lib/zone-and-currency-choices';

describe('brand time zone and currency pickers', () => {
  const january = new Date('2027-01-15T12:00:00Z');

  it('names a zone by its city and offset, west to east, with the IANA id as the value', () => {
    const choices = timeZoneChoices('en', ['Asia/Ulaanbaatar', 'America/New_York', 'Asia/Phnom_Penh', 'Asia/Vientiane'], january);
    expect(choices.map((c) => c.value)).toEqual(['America/New_York', 'Asia/Phnom_Penh', 'Asia/Vientiane', 'Asia/Ulaanbaatar']);
    expect(choices[0]!.label).toBe('New York (GMT-5) · Eastern Time');
    expect(choices[1]!.label).toBe('Phnom Penh (GMT+7) · Indochina Time');
    expect(choices[3]!.label).toMatch(/^Ulaanbaatar \(GMT\+8\)/);
  });

  it('gives the offset the zone has on that date (summer time moves it)', () => {
    const [july] = timeZoneChoices('en', ['America/New_York'], new Date('2027-07-15T12:00:00Z'));
    expect(july!.label).toContain('(GMT-4)');
  });

  it('names zones and currencies in Khmer and Mongolian from Node’s ICU', () => {
    expect(timeZoneChoices('km-KH', ['Asia/Phnom_Penh'], january)[0]!.label).toMatch(/^Phnom Penh \(GMT\+7\) · .*[\u1780-\u17FF]/);
    expect(currencyChoices('mn-MN', ['MNT'])).toEqual([{ value: 'MNT', label: expect.stringMatching(/^MNT · .*[\u0400-\u04FF]/) }]);
    expect(currencyChoices('en', ['USD', 'KHR'])).toEqual([
      { value: 'USD', label: 'USD · US Dollar' },
      { value: 'KHR', label: 'KHR · Cambodian Riel' },
    ]);
  });
});
