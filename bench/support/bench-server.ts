// The server under test, in its own process: real PostgreSQL (embedded, fresh),
// migrations, demo data, the demo show live with its first product pinned.
// Prints one line `READY <json>` for the load generator, then serves until SIGTERM.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../../deploy/local/process';
import { startApp } from '../../server/app';
import { startEmbeddedPostgres } from '../../server/db/embedded';
import { seedDemoData } from '../../server/db/seed';
import { loadEnv } from '../../server/env';
import { createLogger } from '../../server/log';
import { RecordingPaymentProvider } from './recording-provider';

const dir = mkdtempSync(path.join(os.tmpdir(), 'live-commerce-bench-'));
chmodSync(dir, 0o755); // as root, PostgreSQL runs as another user that must enter it
// BENCH_DATABASE_URL: a database another process started (several nodes sharing one, bench/chat-fanout.ts).
const shared = process.env.BENCH_DATABASE_URL;
const pg = shared
  ? { url: shared, stop: async () => undefined }
  : await startEmbeddedPostgres({
      dataDir: path.join(dir, 'pg'),
      // One the OS says is free: a random pick in the ephemeral range now and then hit a port in use.
      port: await freePort(),
      // BENCH_PG_FLAGS: extra server flags, e.g. `-c shared_preload_libraries=pg_stat_statements` to see where a storm's time goes.
      postgresFlags: process.env.BENCH_PG_FLAGS?.split(' ').filter(Boolean),
    });
// Every simulated client connects from this machine: the per-address cap is lifted here.
const env = loadEnv({
  SOCKET_MAX_CONNECTIONS_PER_IP: '1000000',
  WEBRTC_PORT: '0',
  ...process.env,
  DATABASE_URL: pg.url,
  PORT: '0',
  DATA_DIR: dir,
  AUTH_SECRET: 'benchmark-secret-that-is-long-enough-123',
  LOG_LEVEL: 'error',
  SEED_DEMO_DATA: 'true',
});
// Handed to the composition root: it is the one every tap goes through.
const payments = new RecordingPaymentProvider();
// The pages are only needed by the page-weight benchmark (they need `next build` first).
const app = await startApp({ env, log: createLogger('error'), withNext: process.env.BENCH_WITH_PAGES === '1', payments });
const seed = await seedDemoData(app.db);
const productId = seed.productIds[0]!;
await app.db.show.update({
  where: { id: seed.showId },
  data: { status: 'LIVE', startedAt: new Date(), pinnedProductId: productId, maxPerBuyer: 1000 },
});
const variant = await app.db.productVariant.findFirstOrThrow({ where: { productId }, orderBy: { priceMinor: 'asc' } });
// BENCH_EXTRA_LIVE_SHOWS=N: N more live shows like the demo one, same host (the swipe feed benchmark).
const demo = await app.db.show.findUniqueOrThrow({ where: { id: seed.showId }, select: { brandId: true, hostId: true, title: true } });
const extraShowIds: string[] = [];
for (let i = 1; i <= Number(process.env.BENCH_EXTRA_LIVE_SHOWS ?? 0); i++) {
  const { id } = await app.db.show.create({
    data: {
      brandId: demo.brandId,
      hostId: demo.hostId,
      title: `${demo.title} (${i + 1})`,
      scheduledStart: new Date(),
      startedAt: new Date(Date.now() - i * 1000),
      status: 'LIVE',
      hostInviteStatus: 'ACCEPTED',
    },
    select: { id: true },
  });
  extraShowIds.push(id);
}
console.log(
  `READY ${JSON.stringify({ url: app.url, databaseUrl: pg.url, showId: seed.showId, hostId: seed.hostId, productId, variantId: variant.id, authSecret: env.AUTH_SECRET, extraShowIds, dataDir: dir })}`,
);

const stop = async () => {
  await app.close();
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
// `ledger <prefix>` on stdin: what the provider did for those keys, as one `LEDGER <json>` line.
createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, prefix = ''] = line.trim().split(' ');
  if (command === 'ledger') console.log(`LEDGER ${JSON.stringify(payments.entries(prefix))}`);
});
