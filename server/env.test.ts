import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';

const base = { DATA_DIR: '/tmp/live-commerce-env-test', LOG_LEVEL: 'silent' };
const deployment = {
  ...base,
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://shop.example.com',
  AUTH_SECRET: 's'.repeat(16) + 'f7Qz9w2LmX4pR8tY',
  SECRETS_KEY: 'k'.repeat(16) + 'Zp3Wq8Lr2Tx6Vn9B',
};

describe('configuration of a deployment (NODE_ENV=production, PUBLIC_URL not localhost)', () => {
  it('refuses to start without AUTH_SECRET, saying how to make one', () => {
    const { AUTH_SECRET: _, ...withoutSecret } = deployment;
    expect(() => loadEnv(withoutSecret)).toThrow(/AUTH_SECRET is required in production.*openssl rand/);
  });

  it('seals stream keys with SECRETS_KEY, or without one with a key derived from AUTH_SECRET that is not AUTH_SECRET itself', () => {
    expect(loadEnv(deployment).SECRETS_KEY).toBe(deployment.SECRETS_KEY);
    const { SECRETS_KEY: _, ...withoutKey } = deployment;
    const derived = loadEnv(withoutKey).SECRETS_KEY;
    expect(derived).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(derived).not.toBe(deployment.AUTH_SECRET);
    expect(loadEnv({ ...withoutKey, AUTH_SECRET: 'o'.repeat(32) }).SECRETS_KEY).not.toBe(derived);
  });

  it('seeds no demo data and has no local mailbox unless asked', () => {
    const env = loadEnv(deployment);
    expect(env.SIMULCAST_ALLOW_PRIVATE_TARGETS).toBe('false');
    expect(env.SEED_DEMO_DATA).toBe('false');
    expect(env.LOCAL_MAILBOX).toBe('false');
  });

  it('refuses multi-node media (MEDIA_INTERNAL_URL) without a CLUSTER_SECRET of 32+ characters', () => {
    const multiNode = { ...deployment, MEDIA_INTERNAL_URL: 'http://10.0.0.5:3000', MEDIA_PIPE_LISTEN_IP: '10.0.0.5' };
    expect(() => loadEnv(multiNode)).toThrow(/MEDIA_INTERNAL_URL \(multi-node media\) needs CLUSTER_SECRET/);
    expect(() => loadEnv({ ...multiNode, CLUSTER_SECRET: 'short' })).toThrow(/CLUSTER_SECRET: must be at least 32 characters/);
    expect(loadEnv({ ...multiNode, CLUSTER_SECRET: 'c'.repeat(32) }).MEDIA_INTERNAL_URL).toBe('http://10.0.0.5:3000');
  });

  it('refuses media pipes other nodes could not reach: 0.0.0.0 without an announced address, or loopback for a remote node', () => {
    const multiNode = {
      ...deployment,
      MEDIA_INTERNAL_URL: 'http://10.0.0.5:3000',
      CLUSTER_SECRET: 'c'.repeat(32),
      MEDIA_PIPE_LISTEN_IP: '10.0.0.5',
    };
    expect(() => loadEnv({ ...multiNode, MEDIA_PIPE_LISTEN_IP: undefined })).toThrow(/media pipes would be sent to 127\.0\.0\.1/);
    expect(() => loadEnv({ ...multiNode, MEDIA_PIPE_LISTEN_IP: '0.0.0.0' })).toThrow(/MEDIA_PIPE_ANNOUNCED_IP/);
    expect(loadEnv({ ...multiNode, MEDIA_PIPE_LISTEN_IP: '0.0.0.0', MEDIA_PIPE_ANNOUNCED_IP: '10.0.0.5' }).MEDIA_PIPE_ANNOUNCED_IP).toBe(
      '10.0.0.5',
    );
  });

  it('takes TURN only as turn:/turns: URLs together with their secret', () => {
    expect(() => loadEnv({ ...deployment, TURN_URLS: 'turn:turn.example.com:3478' })).toThrow(/TURN_URLS and TURN_SECRET go together/);
    expect(() => loadEnv({ ...deployment, TURN_URLS: 'https://turn.example.com', TURN_SECRET: 't'.repeat(16) })).toThrow(
      /not a turn: or turns: URL/,
    );
    const env = loadEnv({
      ...deployment,
      TURN_URLS: 'turn:turn.example.com:3478, turns:turn.example.com:5349',
      TURN_SECRET: 't'.repeat(16),
    });
    expect(env.TURN_URLS).toEqual(['turn:turn.example.com:3478', 'turns:turn.example.com:5349']);
  });

  it('refuses SEED_DEMO_DATA=true: the demo accounts have a published password', () => {
    expect(() => loadEnv({ ...deployment, SEED_DEMO_DATA: 'true' })).toThrow(/SEED_DEMO_DATA=true in production .*demo-password/);
  });
});

describe('configuration of a local install (PUBLIC_URL on localhost, as `npm start` on a laptop)', () => {
  it('seeds the demo and shows the mailbox by default, with a generated secret, also under NODE_ENV=production', () => {
    const env = loadEnv({ ...base, NODE_ENV: 'production' });
    expect(env.PUBLIC_URL).toBe('http://localhost:3000');
    expect(env.SEED_DEMO_DATA).toBe('true');
    expect(env.SIMULCAST_ALLOW_PRIVATE_TARGETS).toBe('true');
    expect(env.LOCAL_MAILBOX).toBe('true');
    expect(env.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('has no mailbox once SMTP_URL sends the email, and none when LOCAL_MAILBOX=false', () => {
    expect(loadEnv({ ...base, SMTP_URL: 'smtp://mail.example.com:587' }).LOCAL_MAILBOX).toBe('false');
    expect(loadEnv({ ...base, LOCAL_MAILBOX: 'false' }).LOCAL_MAILBOX).toBe('false');
  });

  it('treats a LAN or public PUBLIC_URL as not local: no mailbox by default, even in development', () => {
    const env = loadEnv({ ...base, NODE_ENV: 'development', PUBLIC_URL: 'http://192.168.1.20:3000' });
    expect(env.LOCAL_MAILBOX).toBe('false');
    // Development is not a deployment: demo data stays on for trying the app from a phone.
    expect(env.SEED_DEMO_DATA).toBe('true');
  });
});
