import { describe, expect, it } from 'vitest';
import { allowedOrigins } from './origin';

describe('allowed socket origins', () => {
  const base = { ALLOWED_ORIGINS: [] as string[], PORT: 3000 };

  it('a public install accepts only PUBLIC_URL’s origin and ALLOWED_ORIGINS', () => {
    expect([...allowedOrigins({ ...base, NODE_ENV: 'production', PUBLIC_URL: 'https://shop.example.com/', ALLOWED_ORIGINS: ['https://www.shop.example.com'] })]).toEqual([
      'https://shop.example.com',
      'https://www.shop.example.com',
    ]);
  });

  it('a local install answers to localhost, 127.0.0.1 and [::1] on its port', () => {
    expect(allowedOrigins({ ...base, NODE_ENV: 'production', PUBLIC_URL: 'http://localhost:3000' })).toEqual(new Set(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']));
  });

  it('in development the loopback origins on PORT are added even with another PUBLIC_URL', () => {
    const origins = allowedOrigins({ ...base, NODE_ENV: 'development', PUBLIC_URL: 'https://shop.example.com', PORT: 4000 });
    expect(origins.has('http://localhost:4000')).toBe(true);
    expect(origins.has('http://127.0.0.1:4000')).toBe(true);
    expect(allowedOrigins({ ...base, NODE_ENV: 'production', PUBLIC_URL: 'https://shop.example.com', PORT: 4000 }).has('http://localhost:4000')).toBe(false);
  });
});
