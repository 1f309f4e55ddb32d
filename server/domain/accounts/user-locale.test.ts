import { describe, expect, it } from 'vitest';
import { localeOfCookieHeader, pageLocaleOfHandshake } from './user-locale';

describe('the language a show page’s socket is in', () => {
  it('is the page’s: the locale cookie, else Accept-Language, else English; a forged cookie counts for nothing', () => {
    expect(pageLocaleOfHandshake('a=1; locale=km; b=2', 'en-US')).toBe('km');
    expect(pageLocaleOfHandshake('locale=xx', 'lo-LA,lo;q=0.9,en;q=0.5')).toBe('lo');
    expect(pageLocaleOfHandshake(undefined, 'mn')).toBe('mn');
    expect(pageLocaleOfHandshake(undefined, undefined)).toBe('en');
    expect(localeOfCookieHeader('next-auth.session-token=abc')).toBeNull();
  });
});
