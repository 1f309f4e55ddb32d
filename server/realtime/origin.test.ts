import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { acceptsOwnLoopback, allowedOrigins, ORIGIN_NOT_ALLOWED, originGuard } from './origin';

function decide(
  guard: ReturnType<typeof originGuard>,
  origin: string | undefined,
  localPort: number,
): { error: string | null | undefined; ok: boolean } {
  let answer = { error: undefined as string | null | undefined, ok: false };
  guard(
    { headers: origin === undefined ? {} : { origin }, socket: { localPort } } as unknown as IncomingMessage,
    (error, ok) => (answer = { error, ok }),
  );
  return answer;
}

describe('allowed socket origins', () => {
  const base = { ALLOWED_ORIGINS: [] as string[], PORT: 3000 };

  it('a public install accepts only PUBLIC_URL’s origin and ALLOWED_ORIGINS', () => {
    expect([
      ...allowedOrigins({
        ...base,
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://shop.example.com/',
        ALLOWED_ORIGINS: ['https://www.shop.example.com'],
      }),
    ]).toEqual(['https://shop.example.com', 'https://www.shop.example.com']);
  });

  it('a local install answers to localhost, 127.0.0.1 and [::1] on its port', () => {
    expect(allowedOrigins({ ...base, NODE_ENV: 'production', PUBLIC_URL: 'http://localhost:3000' })).toEqual(
      new Set(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']),
    );
  });

  it('in development the loopback origins on PORT are added even with another PUBLIC_URL', () => {
    const origins = allowedOrigins({ ...base, NODE_ENV: 'development', PUBLIC_URL: 'https://shop.example.com', PORT: 4000 });
    expect(origins.has('http://localhost:4000')).toBe(true);
    expect(origins.has('http://127.0.0.1:4000')).toBe(true);
    expect(
      allowedOrigins({ ...base, NODE_ENV: 'production', PUBLIC_URL: 'https://shop.example.com', PORT: 4000 }).has('http://localhost:4000'),
    ).toBe(false);
  });

  it('a local install started on PORT=0 accepts loopback pages on the port it really listens on, and no other port', () => {
    const env = { ...base, NODE_ENV: 'production' as const, PUBLIC_URL: 'http://localhost:0' };
    expect(acceptsOwnLoopback(env)).toBe(true);
    const guard = originGuard(allowedOrigins(env), { ownLoopback: acceptsOwnLoopback(env) });
    expect(decide(guard, 'http://localhost:41234', 41234).ok).toBe(true);
    expect(decide(guard, 'http://127.0.0.1:41234', 41234).ok).toBe(true);
    expect(decide(guard, 'http://localhost:8080', 41234)).toEqual({ error: ORIGIN_NOT_ALLOWED, ok: false });
    expect(decide(guard, 'https://evil.example', 41234)).toEqual({ error: ORIGIN_NOT_ALLOWED, ok: false });
  });

  it('a public install never accepts loopback pages, even on its own port', () => {
    const env = { ...base, NODE_ENV: 'production' as const, PUBLIC_URL: 'https://shop.example.com' };
    expect(acceptsOwnLoopback(env)).toBe(false);
    const guard = originGuard(allowedOrigins(env), { ownLoopback: acceptsOwnLoopback(env) });
    expect(decide(guard, 'http://localhost:3000', 3000).ok).toBe(false);
    expect(decide(guard, 'https://shop.example.com', 3000).ok).toBe(true);
    expect(decide(guard, undefined, 3000).ok).toBe(true);
  });
});
