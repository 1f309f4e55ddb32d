import { describe, expect, it } from 'vitest';
import { countryCodeOf, countryCodesOf } from './country-names';

describe('country names as people type them', () => {
  it('reads English names, two-letter codes in any case and common short forms', () => {
    expect(countryCodeOf('Cambodia')).toBe('KH');
    expect(countryCodeOf('  laos ')).toBe('LA');
    expect(countryCodeOf('mn')).toBe('MN');
    expect(countryCodeOf('Lao PDR')).toBe('LA');
    expect(countryCodeOf('Cote d’Ivoire')).toBe('CI');
  });

  it('reads names written in Khmer, Lao and Mongolian', () => {
    expect(countryCodeOf('កម្ពុជា')).toBe('KH');
    expect(countryCodeOf('ລາວ')).toBe('LA');
    expect(countryCodeOf('Монгол')).toBe('MN');
  });

  it('never turns a name into a different country’s code (Cambodia is not CA, Canada)', () => {
    expect(countryCodesOf('Cambodia, Canada')).toEqual({ codes: ['KH', 'CA'], unknown: [] });
  });

  it('lists what it did not understand and keeps no repeats', () => {
    expect(countryCodesOf('KH; Cambodia, Narnia,\nMongolia')).toEqual({ codes: ['KH', 'MN'], unknown: ['Narnia'] });
  });
});
