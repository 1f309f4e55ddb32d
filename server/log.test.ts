import { describe, expect, it } from 'vitest';
import { logFormat } from './log';
import { welcomeScreen } from './welcome';

describe('log format', () => {
  it('is JSON in a deployment (NODE_ENV=production, PUBLIC_URL not localhost), for a log collector', () => {
    expect(logFormat({ NODE_ENV: 'production', PUBLIC_URL: 'https://shop.example.com' })).toBe('json');
  });

  it('is pretty for a person running `npm start` on their machine (production build on localhost) or `npm run dev`', () => {
    expect(logFormat({ NODE_ENV: 'production', PUBLIC_URL: 'http://localhost:3000' })).toBe('pretty');
    expect(logFormat({ NODE_ENV: 'development', PUBLIC_URL: 'https://dev.example.com' })).toBe('pretty');
  });

  it('follows LOG_FORMAT when set, either way', () => {
    expect(logFormat({ NODE_ENV: 'production', PUBLIC_URL: 'https://shop.example.com', LOG_FORMAT: 'pretty' })).toBe('pretty');
    expect(logFormat({ NODE_ENV: 'production', PUBLIC_URL: 'http://localhost:3000', LOG_FORMAT: 'json' })).toBe('json');
  });
});

describe('the welcome screen after `npm start`', () => {
  it('says where to go and which demo accounts to sign in with when the demo data was seeded', () => {
    const screen = welcomeScreen({ publicUrl: 'http://localhost:3214/', demoSeeded: true, localMailbox: true, color: false });
    expect(screen).toContain('Live Commerce is up: http://localhost:3214\n');
    expect(screen).toContain('password demo-password');
    for (const email of ['host@demo.live', 'viewer@demo.live', 'brand@demo.live']) expect(screen).toContain(email);
    expect(screen).toContain('http://localhost:3214/mailbox');
  });

  it('names no demo account when none was seeded, and no mailbox when sign-in links go out by email', () => {
    const screen = welcomeScreen({ publicUrl: 'http://localhost:3000', demoSeeded: false, localMailbox: false, color: false });
    expect(screen).toContain('http://localhost:3000');
    expect(screen).not.toContain('demo');
    expect(screen).not.toContain('/mailbox');
  });
});
