// Entry point of an app node in its own process (test/support/app-node.ts starts it): the
// server without pages, configured by the environment, reporting its URL on stdout.
import { startApp } from '../../server/app';
import { loadEnv } from '../../server/env';
import { createLogger } from '../../server/log';

const env = loadEnv();
const app = await startApp({ env, log: createLogger(env.LOG_LEVEL), withNext: false });
process.stdout.write(`${JSON.stringify({ url: app.url })}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
