import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../env';
import { pushAllowsHttp, pushOffNotice, vapidOf } from './vapid';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-vapid-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const secret = 'x'.repeat(40);

describe('VAPID keys', () => {
  it('a deployment without VAPID keys has push off, and the boot notice names the variables to set', () => {
    const env = loadEnv({ NODE_ENV: 'production', PUBLIC_URL: 'https://shop.example.com', AUTH_SECRET: secret, DATA_DIR: tempDir() });
    expect(vapidOf(env)).toBeNull();
    expect(pushOffNotice(env)).toMatch(/VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY/);
    // Nor does a deployment accept a push endpoint over plain http.
    expect(pushAllowsHttp(env)).toBe(false);
  });

  it('a deployment uses the configured pair, with the site as the contact push services see', () => {
    const publicKey = `B${'A'.repeat(86)}`;
    const privateKey = 'A'.repeat(43);
    const env = loadEnv({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://shop.example.com',
      AUTH_SECRET: secret,
      VAPID_PUBLIC_KEY: publicKey,
      VAPID_PRIVATE_KEY: privateKey,
    });
    expect(vapidOf(env)).toEqual({ publicKey, privateKey, subject: 'https://shop.example.com' });
    expect(pushOffNotice(env)).toBeNull();
  });

  it('one key of the pair without the other is refused at boot', () => {
    expect(() => loadEnv({ AUTH_SECRET: secret, DATA_DIR: tempDir(), VAPID_PUBLIC_KEY: `B${'A'.repeat(86)}` })).toThrow(/go together/);
  });

  it('a local install makes one pair in its data dir on first use and keeps it across restarts', () => {
    const dir = tempDir();
    const first = vapidOf(loadEnv({ AUTH_SECRET: secret, DATA_DIR: dir }))!;
    expect(first.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(first.privateKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.subject).toMatch(/^mailto:/);
    expect(JSON.parse(readFileSync(path.join(dir, 'vapid-keys.json'), 'utf8'))).toEqual({
      publicKey: first.publicKey,
      privateKey: first.privateKey,
    });
    expect(vapidOf(loadEnv({ AUTH_SECRET: secret, DATA_DIR: dir }))).toEqual(first);
  });
});
