import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net, { type LookupFunction } from 'node:net';
import type { Env } from '../env';

// Brands choose webhook URLs, so a URL must not become a way to make this server
// call its own private network (SSRF). Unless WEBHOOKS_ALLOW_PRIVATE_TARGETS=true
// (a local install delivering to a receiver on the same machine), every address
// a host resolves to is checked at connect time, inside the socket's DNS lookup,
// so a rebinding DNS answer cannot slip past an earlier check.

const blocked = new net.BlockList();
for (const [subnet, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(subnet, prefix, 'ipv4');
}
// Prefixes that carry an IPv4 address inside an IPv6 one are refused whole:
// whichever IPv4 address they wrap (a NAT64 gateway or 6to4 relay may forward
// to a private one), a webhook receiver has no business living there.
for (const [subnet, prefix] of [
  ['::', 96], // unspecified, loopback (::1) and IPv4-compatible (::a.b.c.d)
  ['64:ff9b::', 96], // NAT64, well-known prefix
  ['64:ff9b:1::', 48], // NAT64, local use
  ['100::', 64], // discard
  ['2001::', 32], // Teredo
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(subnet, prefix, 'ipv6');
}

/** True for loopback, private (RFC 1918, unique-local), link-local, CGNAT, multicast, reserved and IPv4-in-IPv6 addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  // BlockList checks IPv4-mapped IPv6 (::ffff:10.0.0.1, ::ffff:a00:1) against the IPv4 rules,
  // and an IPv4 address against an ::ffff:0:0/96 rule, so that prefix must not be listed.
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Whether private targets are refused: always, unless WEBHOOKS_ALLOW_PRIVATE_TARGETS=true. */
export function blocksPrivateTargets(env: Pick<Env, 'WEBHOOKS_ALLOW_PRIVATE_TARGETS'>): boolean {
  return env.WEBHOOKS_ALLOW_PRIVATE_TARGETS !== 'true';
}

export class BlockedTargetError extends Error {
  constructor(address: string) {
    super(`refusing to deliver to private address ${address}`);
    this.name = 'BlockedTargetError';
  }
}

const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused) return callback(new BlockedTargetError(refused.address), '', 0);
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
    callback(null, first.address, first.family);
  });
};

export interface PostResult {
  statusCode: number;
}

/** POSTs `body` without following redirects; rejects on network errors, the timeout or a refused address. */
export function postJson(
  url: URL,
  headers: Record<string, string>,
  body: string,
  { timeoutMs, blockPrivate }: { timeoutMs: number; blockPrivate: boolean },
): Promise<PostResult> {
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (blockPrivate && isPrivateAddress(literal)) return Promise.reject(new BlockedTargetError(literal));
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': String(Buffer.byteLength(body)),
          'User-Agent': 'LiveCommerce-Webhooks/1',
          ...headers,
        },
        signal: AbortSignal.timeout(timeoutMs),
        ...(blockPrivate && { lookup: guardedLookup }),
      },
      (response) => {
        // The body is read and dropped, never stored: a brand seeing what an
        // address answered would turn this sender into a reader of that address.
        response.resume();
        response.on('end', () => resolve({ statusCode: response.statusCode ?? 0 }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
