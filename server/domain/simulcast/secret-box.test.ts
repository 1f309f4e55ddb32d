import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret, secretsKey } from './secret-box';
import { redactKey, retryDelayMs } from './push-state';
import { addDestinationSchema, isIngestUrl } from './destinations.schema';

const key = secretsKey('k'.repeat(16) + 'Zp3Wq8Lr2Tx6Vn9B');

describe('sealed stream keys (AES-256-GCM under SECRETS_KEY)', () => {
  it('opens what it sealed, and never stores the key readably: two seals of one key differ', () => {
    const streamKey = 'abcd-efgh-ijkl-mnop-qrst';
    const sealed = sealSecret(key, streamKey);
    expect(openSecret(key, sealed)).toBe(streamKey);
    expect(sealed).not.toContain(streamKey);
    expect(sealSecret(key, streamKey)).not.toBe(sealed);
  });

  it('refuses to open under another SECRETS_KEY or after the stored value was altered', () => {
    const sealed = sealSecret(key, 'abcd-efgh-ijkl');
    expect(() => openSecret(secretsKey('another secret of at least thirty-two chars'), sealed)).toThrow(/does not open/);
    const [v, nonce, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => openSecret(key, [v, nonce, tag, flipped.toString('base64url')].join('.'))).toThrow(/does not open/);
    expect(() => openSecret(key, 'plain-text-key')).toThrow(/unknown format/);
  });
});

describe('what a destination may be', () => {
  it('takes rtmp:// and rtmps:// ingest URLs with a host, and nothing else', () => {
    for (const good of ['rtmp://a.rtmp.youtube.com/live2', 'rtmps://live-api-s.facebook.com:443/rtmp/', 'rtmp://10.0.0.5:1935/live'])
      expect(isIngestUrl(good), good).toBe(true);
    for (const bad of [
      'https://a.rtmp.youtube.com/live2',
      'rtmp://',
      'rtmp://user:pass@host/live',
      'srt://host:9000',
      'rtmps://host/live#x',
      'live2',
    ])
      expect(isIngestUrl(bad), bad).toBe(false);
  });

  it('names what is wrong: SIMULCAST_URL_RULE for the URL, SIMULCAST_KEY_RULE for a key with spaces or too short', () => {
    const issue = (input: object) => addDestinationSchema.safeParse(input).error?.issues[0]?.message;
    expect(issue({ platform: 'youtube', ingestUrl: 'http://x/live', streamKey: 'abcd-1234' })).toBe('SIMULCAST_URL_RULE');
    expect(issue({ platform: 'youtube', ingestUrl: 'rtmp://x/live', streamKey: 'ab cd 1234' })).toBe('SIMULCAST_KEY_RULE');
    expect(issue({ platform: 'youtube', ingestUrl: 'rtmp://x/live', streamKey: 'abc' })).toBe('SIMULCAST_KEY_RULE');
    expect(
      addDestinationSchema.safeParse({ platform: 'tiktok', ingestUrl: ' rtmp://x/live ', streamKey: 'stream-1?sign=9f' }).success,
    ).toBe(true);
  });
});

describe('pushing', () => {
  it('backs off 2 s, 4 s, 8 s … up to a minute between attempts', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(retryDelayMs)).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });

  it('cuts the stream key out of the encoder’s error before anyone sees it', () => {
    expect(redactKey('rtmp://x/live/sk-123: Connection refused', 'sk-123')).toBe('rtmp://x/live/••••: Connection refused');
  });
});
