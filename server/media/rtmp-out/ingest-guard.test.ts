import { describe, expect, it } from 'vitest';
import { privateIngestRefusal } from './ingest-guard';

const resolvesTo =
  (...addresses: string[]) =>
  () =>
    Promise.resolve(addresses);

describe('the ingest guard (deployments)', () => {
  it('refuses an ingest on a private, loopback or link-local address, by literal or by name, and names it', async () => {
    expect(await privateIngestRefusal('rtmp://127.0.0.1:1935/live/key', resolvesTo('127.0.0.1'))).toMatch(
      /private address \(127\.0\.0\.1\)/,
    );
    expect(await privateIngestRefusal('rtmps://ingest.internal/live/key', resolvesTo('93.184.216.34', '10.0.0.7'))).toMatch(/10\.0\.0\.7/);
    expect(await privateIngestRefusal('rtmp://[::1]/live/key', resolvesTo('::1'))).toMatch(/::1/);
    expect(await privateIngestRefusal('rtmp://meta.example/live/key', resolvesTo('169.254.169.254'))).toMatch(/169\.254/);
  });

  it('lets a public ingest through', async () => {
    expect(await privateIngestRefusal('rtmps://a.rtmps.youtube.com/live2/key', resolvesTo('142.250.74.110'))).toBeNull();
  });
});
