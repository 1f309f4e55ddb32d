import { describe, expect, it } from 'vitest';
import { blocksPrivateTargets, BlockedTargetError, isPrivateAddress, postJson } from './target';

describe('webhook target guard', () => {
  it.each([
    ['127.0.0.1', 'IPv4 loopback'],
    ['10.1.2.3', 'RFC 1918 10/8'],
    ['172.16.0.1', 'RFC 1918 172.16/12'],
    ['192.168.1.1', 'RFC 1918 192.168/16'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['100.64.0.1', 'CGNAT'],
    ['0.0.0.0', 'this network'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['198.18.0.1', 'benchmarking'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['::127.0.0.1', 'IPv4-compatible (::/96)'],
    ['::8.8.8.8', 'IPv4-compatible, even of a public address (::/96)'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback in hex'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata address'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 of 169.254.169.254 (64:ff9b::/96)'],
    ['64:ff9b::7f00:1', 'NAT64 of 127.0.0.1'],
    ['64:ff9b:1::1', 'local-use NAT64'],
    ['2002:7f00:1::1', '6to4 of 127.0.0.1 (2002::/16)'],
    ['2002:808:808::1', '6to4 of a public address (2002::/16)'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['fd00::1', 'unique local'],
    ['fe80::1', 'link-local'],
    ['ff02::1', 'multicast'],
  ])('refuses %s (%s)', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e'])(
    'lets the public address %s through',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );

  it('is on unless WEBHOOKS_ALLOW_PRIVATE_TARGETS=true, whatever NODE_ENV and PUBLIC_URL say', () => {
    expect(blocksPrivateTargets({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'false' })).toBe(true);
    expect(blocksPrivateTargets({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' })).toBe(false);
  });

  it('refuses a host name whose DNS answer is private, checking the address it resolves to', async () => {
    // localhost resolves (from /etc/hosts) to 127.0.0.1 and/or ::1: both refused inside the lookup.
    await expect(postJson(new URL('http://localhost:9/hook'), {}, '{}', { timeoutMs: 5_000, blockPrivate: true })).rejects.toBeInstanceOf(
      BlockedTargetError,
    );
  });

  it('refuses an address literal in the URL before connecting, IPv6 forms included', async () => {
    for (const url of [
      'http://127.0.0.1:9/',
      'http://[::ffff:127.0.0.1]:9/',
      'http://[64:ff9b::7f00:1]:9/',
      'http://[2002:7f00:1::1]:9/',
      'http://[::7f00:1]:9/',
    ]) {
      await expect(postJson(new URL(url), {}, '{}', { timeoutMs: 5_000, blockPrivate: true }), url).rejects.toBeInstanceOf(
        BlockedTargetError,
      );
    }
  });
});
