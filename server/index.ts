import { startApp } from './app';
import { loadEnv } from './env';
import { createLogger } from './log';

const env = loadEnv();
const log = createLogger(env.LOG_LEVEL);
const dev = process.argv.includes('--dev');

startApp({ env, log, dev }).then(
  (app) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'shutting down');
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  },
  (error: unknown) => {
    log.fatal({ err: error }, 'could not start');
    process.exit(1);
  },
);
