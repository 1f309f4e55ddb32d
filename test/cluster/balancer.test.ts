import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBalancer, type RunningBalancer } from '../../deploy/local/balancer';
import { freePort } from '../../deploy/local/process';
import { ask, startTestApp, type TestApp, type TestSocket } from '../support/app';

// The shipped nginx configuration (deploy/nginx/live-commerce.conf.template) in
// front of two real app nodes, as `npm run cluster` and docker-compose.yml run it.
const MAX_PER_IP = 1;
let nodes: TestApp[];
let balancer: RunningBalancer;
let dir: string;
const upgrades = [0, 0];
const opened: Socket[] = [];

/** A handshake through the balancer from one loopback address (the whole 127/8 is this machine). */
function handshake(
  from: string,
  options: { transports?: ('websocket' | 'polling')[]; forwardedFor?: string; through?: RunningBalancer } = {},
) {
  const socket = connect((options.through ?? balancer).url, {
    transports: options.transports ?? ['websocket'],
    reconnection: false,
    forceNew: true,
    localAddress: from,
    extraHeaders: options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {},
  } as Parameters<typeof connect>[1]);
  opened.push(socket);
  return new Promise<{ socket: Socket; refusal: { code?: string } | null }>((resolve) => {
    socket.once('connect', () => resolve({ socket, refusal: null }));
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) =>
      resolve({ socket, refusal: error.data ?? { code: error.message } }),
    );
  });
}

beforeAll(async () => {
  // Behind a proxy, as the cluster runs them; the cap set low so that one extra connection shows whom it counts.
  // Multi-node media on, so that the nodes serve their internal pipe endpoint (the address is never asked for here).
  const node = { TRUST_PROXY: 'true', SOCKET_MAX_CONNECTIONS_PER_IP: String(MAX_PER_IP), MEDIA_INTERNAL_URL: 'http://127.0.0.1:9' };
  nodes = await Promise.all(
    [0, 1].map(() => startTestApp({ ...node, CLUSTER_SECRET: 'balancer-test-cluster-secret-that-is-long-enough' })),
  );
  nodes.forEach((node, index) => node.app.httpServer.on('upgrade', () => upgrades[index]!++));
  dir = mkdtempSync(path.join(os.tmpdir(), 'live-commerce-balancer-'));
  balancer = await startBalancer({
    dir,
    port: await freePort(),
    nodes: nodes.map((node) => ({ host: '127.0.0.1', port: node.app.port })),
    output: () => undefined,
  });
});

afterAll(async () => {
  for (const socket of opened) socket.disconnect();
  await balancer?.stop();
  await Promise.all((nodes ?? []).map((node) => node.stop()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the nginx balancer in front of two nodes', () => {
  it('passes the WebSocket upgrade through and spreads sockets over both nodes without sticky sessions', async () => {
    const results = await Promise.all(['127.0.0.11', '127.0.0.12', '127.0.0.13', '127.0.0.14'].map((from) => handshake(from)));
    expect(results.map((r) => r.refusal)).toEqual([null, null, null, null]);
    expect(results.every((r) => r.socket.io.engine.transport.name === 'websocket')).toBe(true);
    // Fewest connections first: four long-lived sockets end up two and two.
    expect(upgrades).toEqual([2, 2]);
    for (const { socket } of results) socket.disconnect();
  });

  it('keeps a long-polling session on one node: every request of that client reaches the node holding its session id', async () => {
    // Round robin would send the second poll to the other node, which answers 400 "Session ID unknown".
    // Node's polling transport cannot choose its local address: one client (the cap is one socket per address).
    const { socket, refusal } = await handshake('127.0.0.1', { transports: ['polling'] });
    expect(refusal).toBeNull();
    expect(socket.io.engine.transport.name).toBe('polling');
    // Each question goes up in a POST and its answer comes back in a pending GET: round trips of the one session.
    for (let i = 0; i < 5; i++)
      expect(await ask(socket as TestSocket, 'show:join', { showId: 'no_such_show' })).toMatchObject({ ok: false });
    expect(socket.connected).toBe(true);
    socket.disconnect();
  });

  it('answers the nodes’ internal endpoint with 404: media pipes are asked for on a private address, never through the balancer', async () => {
    const direct = await fetch(`${nodes[0]!.app.url}/internal/media/pipe`, { method: 'POST', signal: AbortSignal.timeout(10_000) });
    const through = await fetch(`${balancer.url}/internal/media/pipe`, { method: 'POST', signal: AbortSignal.timeout(10_000) });
    expect(through.status).toBe(404);
    // Not a page that happens to be missing: without the balancer's rule the node itself would answer.
    expect(direct.status).not.toBe(404);
  });

  it('counts the per-address socket cap against the client’s address, not the balancer’s, and ignores a forged X-Forwarded-For', async () => {
    // One node behind this balancer: the cap is each node's own, so the test must know where sockets land.
    const single = await startBalancer({
      dir: path.join(dir, 'single'),
      port: await freePort(),
      nodes: [{ host: '127.0.0.1', port: nodes[0]!.app.port }],
      output: () => undefined,
    });
    try {
      expect((await handshake('127.0.0.31', { through: single })).refusal).toBeNull();
      // Another client behind the same balancer is not refused because of the first one…
      expect((await handshake('127.0.0.32', { through: single })).refusal).toBeNull();
      // …while the first client's second socket is, even when it claims to be someone else.
      const again = await handshake('127.0.0.31', { through: single, forwardedFor: '127.0.0.99' });
      expect(again.refusal).toMatchObject({ code: 'TOO_MANY_CONNECTIONS' });
    } finally {
      await single.stop();
    }
  });
});
