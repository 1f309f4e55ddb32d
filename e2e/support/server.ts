// The app as the browser tests see it: the production build on E2E_PORT, against a fresh
// embedded PostgreSQL on E2E_PG_PORT seeded with the demo data. playwright.config.ts starts
// one of these per project, each with its own ports and data directory.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startApp } from '../../server/app';
import { startEmbeddedPostgres } from '../../server/db/embedded';
import { loadEnv } from '../../server/env';
import { createLogger } from '../../server/log';
import { e2eServerPaths } from './paths';
import { startQrBankStandIns } from '../../test/support/qr-bank-standins';
import { StripeStandIn } from '../../test/support/stripe-stand-in';

const port = process.env.E2E_PORT ?? '3100';
const { dataDir, databaseUrlFile, qrBankUrlFile, serverPidFile, stripeUrlFile } = e2eServerPaths(Number(port));
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
// Thrown away after the run: no need to wait for the disk on every commit.
const database = await startEmbeddedPostgres({
  dataDir: path.join(dataDir, 'postgres'),
  port: Number(process.env.E2E_PG_PORT ?? 54339),
  postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
});
writeFileSync(databaseUrlFile, database.url);
// Stand-ins of Bakong's and QPay's APIs (issue 21): a QR checkout test pays through their test door.
const qrBank = await startQrBankStandIns();
writeFileSync(qrBankUrlFile, qrBank.url);
// A stand-in of Stripe's API (issue 21): only a brand whose owner saved its keys (a spec does) charges through it.
const stripe = await StripeStandIn.start();
writeFileSync(stripeUrlFile, `http://${stripe.endpoint.host}:${stripe.endpoint.port}`);
// WebRTC on any free port of the range: checkouts running their browser tests side by side do not collide.
const env = loadEnv({
  WEBRTC_PORT: '0',
  BAKONG_API_URL: qrBank.url,
  QPAY_API_URL: qrBank.url,
  QR_CHECK_SECONDS: '1',
  ...process.env,
  DATABASE_URL: database.url,
  PORT: port,
  DATA_DIR: dataDir,
  NODE_ENV: 'production',
});
const app = await startApp({ env, log, stripeApi: stripe.endpoint });
// The media resilience test finds this process's mediasoup workers (its children) to kill them.
writeFileSync(serverPidFile, String(process.pid));

const stop = async () => {
  await app.close();
  await qrBank.close();
  await stripe.stop();
  await database.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
