import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { MAX_EMBED_ORIGINS, normaliseEmbedOrigin, parseEmbedOrigins } from './embed-origins';
import { handOffOrigin } from './embed-show';

const deployed = { allowHttpLoopback: false };
const local = { allowHttpLoopback: true };

const refusal = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('embed origins', () => {
  it('keeps scheme, host and port only, lower-cased, with the default port dropped', () => {
    expect(normaliseEmbedOrigin('https://Shop.Example.com', deployed)).toBe('https://shop.example.com');
    expect(normaliseEmbedOrigin(' https://shop.example.com/ ', deployed)).toBe('https://shop.example.com');
    expect(normaliseEmbedOrigin('https://shop.example.com:443', deployed)).toBe('https://shop.example.com');
    expect(normaliseEmbedOrigin('https://shop.example.com:8443', deployed)).toBe('https://shop.example.com:8443');
  });

  it('refuses a page address, credentials, wildcards and other schemes: an origin is exactly what the browser compares', () => {
    for (const raw of [
      'https://shop.example.com/live',
      'https://shop.example.com/?x=1',
      'https://shop.example.com/#top',
      'https://user:pw@shop.example.com',
      'https://*.example.com',
      'shop.example.com',
      'ftp://shop.example.com',
      'javascript:alert(1)',
      'data:text/html,hi',
      '*',
      "'self'",
    ])
      expect(normaliseEmbedOrigin(raw, local), raw).toBeNull();
  });

  it('a deployment accepts https only; http is allowed for localhost outside a deployment, never for other hosts', () => {
    expect(normaliseEmbedOrigin('http://shop.example.com', deployed)).toBeNull();
    expect(normaliseEmbedOrigin('http://shop.example.com', local)).toBeNull();
    expect(normaliseEmbedOrigin('http://localhost:8080', deployed)).toBeNull();
    expect(normaliseEmbedOrigin('http://localhost:8080', local)).toBe('http://localhost:8080');
    expect(normaliseEmbedOrigin('http://127.0.0.1:5173', local)).toBe('http://127.0.0.1:5173');
    expect(normaliseEmbedOrigin('http://[::1]:3000', local)).toBe('http://[::1]:3000');
  });

  it('a list drops blanks and duplicates and names the first bad entry with EMBED_ORIGIN_INVALID', () => {
    expect(parseEmbedOrigins(['https://a.example', '', 'https://A.example/', 'https://b.example'], deployed)).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    const error = refusal(() => parseEmbedOrigins(['https://a.example', 'http://b.example', 'nope'], deployed));
    expect(error.reason).toBe('EMBED_ORIGIN_INVALID');
    expect(error.params).toEqual({ origin: 'http://b.example' });
  });

  it(`more than ${MAX_EMBED_ORIGINS} sites is refused with EMBED_ORIGINS_TOO_MANY`, () => {
    const many = Array.from({ length: MAX_EMBED_ORIGINS + 1 }, (_, i) => `https://s${i}.example`);
    expect(refusal(() => parseEmbedOrigins(many, deployed)).reason).toBe('EMBED_ORIGINS_TOO_MANY');
    expect(parseEmbedOrigins(many.slice(1), deployed)).toHaveLength(MAX_EMBED_ORIGINS);
  });

  it('a hand-off goes only to a claimed origin the brand lists', () => {
    const allowed = ['https://shop.example.com'];
    expect(handOffOrigin('https://shop.example.com', allowed)).toBe('https://shop.example.com');
    expect(handOffOrigin('https://evil.example', allowed)).toBeNull();
    expect(handOffOrigin('not a url', allowed)).toBeNull();
    expect(handOffOrigin(null, allowed)).toBeNull();
  });
});
