import { startApp, type RunningApp } from './app';
import { loadEnv } from './env';
import { createLogger, logFormat } from './log';
import { welcomeScreen } from './welcome';

const env = loadEnv();
const format = logFormat(env);
const log = createLogger(env.LOG_LEVEL, format);
const dev = process.argv.includes('--dev');

let running: RunningApp | undefined;
let stopping = false;
const stop = (reason: string, code: number) => {
  if (stopping) return;
  stopping = true;
  log.info({ reason }, 'shutting down');
  const closed = running ? running.close() : Promise.resolve();
  closed.then(
    () => process.exit(code),
    (error: unknown) => {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    },
  );
};

// A database that cannot be brought back ends the process with a non-zero code:
// systemd, Docker or pm2 then start the app afresh.
startApp({ env, log, dev, onFatal: () => stop('database lost', 1) }).then(
  (app) => {
    running = app;
    if (format === 'pretty') {
      const facts = { publicUrl: env.PUBLIC_URL, demoSeeded: app.demoSeeded, localMailbox: env.LOCAL_MAILBOX === 'true' };
      process.stdout.write(welcomeScreen({ ...facts, color: process.stdout.isTTY }));
    }
    process.on('SIGINT', () => stop('SIGINT', 0));
    process.on('SIGTERM', () => stop('SIGTERM', 0));
  },
  (error: unknown) => {
    log.fatal({ err: error }, 'could not start');
    process.exit(1);
  },
);
