import { startApp, type RunningApp } from './app';
import { loadEnv } from './env';
import { createLogger, logFormat } from './log';
import { welcomeScreen } from './welcome';

const env = loadEnv();
const format = logFormat(env);
const log = createLogger(env.LOG_LEVEL, format);
const dev = process.argv.includes('--dev');

// A graceful shutdown waits for the recorder's ffmpeg (8 s at most) and the database; past this it gives up.
const SHUTDOWN_DEADLINE_MS = 30_000;

let running: RunningApp | undefined;
let stopping = false;
const stop = (reason: string, code: number) => {
  // A second Ctrl+C (or SIGTERM) while closing: the person or the supervisor does not want to wait.
  if (stopping) {
    log.warn({ reason }, 'asked again while shutting down: exiting now');
    process.exit(1);
  }
  stopping = true;
  log.info({ reason }, 'shutting down');
  setTimeout(() => {
    log.error({ reason, deadlineMs: SHUTDOWN_DEADLINE_MS }, 'shutdown did not finish in time: exiting');
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS).unref();
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
