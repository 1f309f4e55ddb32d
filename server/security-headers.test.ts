import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';
import { applySecurityHeaders, embedShowIdOf, headerPolicyFromEnv, securityHeaders } from './security-headers';

const env = (extra: Record<string, string> = {}) =>
  loadEnv({ AUTH_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/lc-security-headers', ...extra });

describe('security headers', () => {
  it('HSTS and upgrade-insecure-requests only when PUBLIC_URL is https', () => {
    const https = securityHeaders(headerPolicyFromEnv(env({ PUBLIC_URL: 'https://shop.example.com' })), '/', 'n0nce').response;
    expect(https['Strict-Transport-Security']).toBe('max-age=31536000');
    expect(https['Content-Security-Policy']).toContain('upgrade-insecure-requests');
    const local = securityHeaders(headerPolicyFromEnv(env()), '/', 'n0nce').response;
    expect(local['Strict-Transport-Security']).toBeUndefined();
    expect(local['Content-Security-Policy']).not.toContain('upgrade-insecure-requests');
  });

  it('the page policy carries the nonce, the socket origin, the image hosts and refuses framing', () => {
    const policy = headerPolicyFromEnv(
      env({ PUBLIC_URL: 'https://shop.example.com', S3_PUBLIC_URL: 'https://cdn.example.com/media', IMAGE_HOSTS: 'images.example.com' }),
    );
    const csp = securityHeaders(policy, '/shows/x', 'abc123==').response['Content-Security-Policy'];
    expect(csp).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic';");
    expect(csp).toContain("connect-src 'self' wss://shop.example.com;");
    expect(csp).toContain("img-src 'self' data: blob: https://cdn.example.com https://images.example.com;");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('pages may register our own service worker and load our manifest (worker-src and manifest-src self)', () => {
    // Without worker-src, a worker falls back to script-src, where 'strict-dynamic' makes 'self' ignored.
    const csp = securityHeaders(headerPolicyFromEnv(env()), '/account/notifications', 'n0nce').response['Content-Security-Policy'];
    expect(csp).toContain("worker-src 'self';");
    expect(csp).toContain("manifest-src 'self';");
  });

  it('the embed player may be framed by its brand’s origins only; every other path keeps refusing framing', () => {
    const policy = headerPolicyFromEnv(env());
    const listed = securityHeaders(policy, '/embed/shows/show_1?handoff=1', 'n', ['https://shop.example.com']).response;
    expect(listed['Content-Security-Policy']).toContain("frame-ancestors 'self' https://shop.example.com");
    expect(listed['X-Frame-Options']).toBeUndefined();
    const none = securityHeaders(policy, '/embed/shows/show_1', 'n', []).response;
    expect(none['Content-Security-Policy']).toMatch(/frame-ancestors 'self'(;|$)/);
    expect(none['X-Frame-Options']).toBe('SAMEORIGIN');
    expect(embedShowIdOf('/embed/shows/show%201?origin=x')).toBe('show 1');
    expect(embedShowIdOf('/embed/shows/%E0%A4%A')).toBe('%E0%A4%A');
    expect(embedShowIdOf('/shows/show_1')).toBeNull();
    // A list handed in for another path changes nothing there.
    for (const path of ['/shows/show_1', '/embed/shows/show_1/x', '/embed', '/']) {
      const other = securityHeaders(policy, path, 'n', ['https://shop.example.com']).response;
      expect(other['Content-Security-Policy'], path).toContain("frame-ancestors 'none'");
      expect(other['X-Frame-Options'], path).toBe('DENY');
    }
  });

  it('Stripe.js, its frames and its API are allowed on the Stripe card and 3-D Secure pages only', () => {
    const policy = headerPolicyFromEnv(env({ PUBLIC_URL: 'https://shop.example.com' }));
    const stripePage = securityHeaders(policy, '/account/wallet/stripe/card/lumen', 'n').response['Content-Security-Policy'];
    expect(stripePage).toContain("script-src 'self' 'nonce-n' 'strict-dynamic' https://js.stripe.com;");
    expect(stripePage).toContain('frame-src https://js.stripe.com https://hooks.stripe.com;');
    expect(stripePage).toContain('https://api.stripe.com');
    for (const path of ['/shows/x', '/account/wallet', '/account/wallet/stripes']) {
      const csp = securityHeaders(policy, path, 'n').response['Content-Security-Policy'];
      expect(csp, path).not.toContain('stripe.com');
      expect(csp, path).toContain("frame-src 'none'");
    }
  });

  it('a show page admits Stripe.js, its frames and its API only when its brand takes Stripe cards (the 3-D Secure sheet)', () => {
    const policy = headerPolicyFromEnv(env({ PUBLIC_URL: 'https://shop.example.com' }));
    const stripeShow = securityHeaders(policy, '/shows/show_1?ref=feed', 'n', undefined, true).response['Content-Security-Policy'];
    expect(stripeShow).toContain("script-src 'self' 'nonce-n' 'strict-dynamic' https://js.stripe.com;");
    expect(stripeShow).toContain('frame-src https://js.stripe.com https://hooks.stripe.com;');
    expect(stripeShow).toContain('https://api.stripe.com');
    // Still nobody may frame the show page.
    expect(stripeShow).toContain("frame-ancestors 'none'");
    const strictShow = securityHeaders(policy, '/shows/show_1', 'n', undefined, false).response['Content-Security-Policy'];
    expect(strictShow).not.toContain('stripe.com');
    expect(strictShow).toContain("frame-src 'none'");
    // The flag means nothing off a show page.
    for (const path of ['/shows/show_1/report', '/shows', '/embed/shows/show_1', '/account/wallet']) {
      const csp = securityHeaders(policy, path, 'n', undefined, true).response['Content-Security-Policy'];
      expect(csp, path).not.toContain('stripe.com');
    }
  });

  it('camera and microphone are allowed on studio pages only', () => {
    const policy = headerPolicyFromEnv(env());
    expect(securityHeaders(policy, '/studio/show_1', 'n').response['Permissions-Policy']).toContain('camera=(self), microphone=(self)');
    for (const path of ['/', '/shows/show_1', '/studios', '/api/health', '/shows/x?next=/studio/y']) {
      expect(securityHeaders(policy, path, 'n').response['Permissions-Policy'], path).toContain('camera=(), microphone=()');
    }
  });

  it('a guest’s own show page (?stage) may use the camera; the show page every viewer opens may not', () => {
    const policy = headerPolicyFromEnv(env());
    expect(securityHeaders(policy, '/shows/show_1?stage=1', 'n').response['Permissions-Policy']).toContain(
      'camera=(self), microphone=(self)',
    );
    for (const path of ['/shows/show_1', '/shows/show_1/other?stage=1', '/?stage=1', '/shows?stage=1']) {
      expect(securityHeaders(policy, path, 'n').response['Permissions-Policy'], path).toContain('camera=(), microphone=()');
    }
  });

  it('uploads get a sandboxed policy that runs and loads nothing', () => {
    const csp = securityHeaders(headerPolicyFromEnv(env()), '/uploads/products/a.webp', 'n').response['Content-Security-Policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('sandbox');
  });

  it('replaces a Content-Security-Policy the client sent, so nobody chooses the nonce Next writes into a page', () => {
    const req = {
      url: '/',
      headers: {
        'content-security-policy': "script-src 'nonce-attacker'",
        'content-security-policy-report-only': "script-src 'nonce-attacker'",
      },
    } as unknown as IncomingMessage;
    const set: Record<string, string> = {};
    const res = { setHeader: (name: string, value: string) => (set[name] = value) } as unknown as ServerResponse;
    applySecurityHeaders(headerPolicyFromEnv(env()), req, res);
    expect(req.headers['content-security-policy']).toBe(set['Content-Security-Policy']);
    expect(req.headers['content-security-policy']).not.toContain('attacker');
    expect(req.headers['content-security-policy-report-only']).toBeUndefined();
  });
});
