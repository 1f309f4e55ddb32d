import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net, { type LookupFunction } from 'node:net';
import type { Env } from '../env';

// Brands choose webhook URLs, so a URL must not become a way to make this server
// call its own private network (SSRF). In production every address a host
// resolves to is checked at connect time (inside the socket's DNS lookup, so a
// rebinding DNS answer cannot slip past an earlier check). A local install
// (PUBLIC_URL on localhost) or the test suite may deliver to 127.0.0.1.

const blocked = new net.BlockList();
for (const [subnet, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(subnet, prefix, 'ipv4');
}
for (const [subnet, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(subnet, prefix, 'ipv6');
}

/** True for loopback, private (RFC 1918, unique-local), link-local, CGNAT, multicast and unspecified addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  // BlockList matches IPv4-mapped IPv6 (::ffff:10.0.0.1) against the IPv4 rules.
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether private targets are refused: in production, unless the app itself runs on localhost. */
export function blocksPrivateTargets(env: Pick<Env, 'NODE_ENV' | 'PUBLIC_URL'>): boolean {
  return env.NODE_ENV === 'production' && !LOCAL_HOSTS.has(new URL(env.PUBLIC_URL).hostname);
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
  /** The start of the response body, for the delivery log. */
  bodySnippet: string;
}

/** POSTs `body` without following redirects; rejects on network errors, the timeout or a refused address. */
export function postJson(url: URL, headers: Record<string, string>, body: string, { timeoutMs, blockPrivate }: { timeoutMs: number; blockPrivate: boolean }): Promise<PostResult> {
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (blockPrivate && isPrivateAddress(literal)) return Promise.reject(new BlockedTargetError(literal));
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), 'User-Agent': 'LiveCommerce-Webhooks/1', ...headers },
        signal: AbortSignal.timeout(timeoutMs),
        ...(blockPrivate && { lookup: guardedLookup }),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          // Keep only what the log shows; the rest is read and dropped so the socket closes cleanly.
          if (size < 1024) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () => resolve({ statusCode: response.statusCode ?? 0, bodySnippet: Buffer.concat(chunks).toString('utf8').slice(0, 200) }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
