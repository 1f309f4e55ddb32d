import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from '../../app/_lib/safe-callback';

const PUBLIC_URL = 'https://shop.example.com';

describe('safeCallbackUrl', () => {
  it.each([
    '/\t/evil.com',
    '/\n/evil.com',
    '//evil.com',
    '/\\evil.com',
    '\\\\evil.com',
    'https://evil.com',
    'HTTPS://evil.com/path',
    '//evil.com/%2F..',
    '/%09/evil.com'.replace('%09', '\t'),
    ' //evil.com',
    'javascript:alert(1)',
    'data:text/html,hi',
    'https://shop.example.com.evil.com/',
    'https://shop.example.com@evil.com/',
    '/.//evil.com',
    'http://shop.example.com/x',
  ])('keeps %j on the site by answering "/"', (value) => {
    expect(safeCallbackUrl(value, PUBLIC_URL)).toBe('/');
  });

  it.each([
    ['/shows/abc?x=1#top', '/shows/abc?x=1#top'],
    ['/account', '/account'],
    ['https://shop.example.com/orders/1', '/orders/1'],
    ['/%2F%2Fevil.com', '/%2F%2Fevil.com'],
  ])('lets the same-site destination %j through as the path %j', (value, path) => {
    expect(safeCallbackUrl(value, PUBLIC_URL)).toBe(path);
  });

  it('answers "/" without a value', () => {
    expect(safeCallbackUrl(undefined, PUBLIC_URL)).toBe('/');
    expect(safeCallbackUrl('', PUBLIC_URL)).toBe('/');
  });

  it('refuses a tab-split protocol-relative path without a configured origin too', () => {
    expect(safeCallbackUrl('/\t/evil.com')).toBe('/');
  });
});
