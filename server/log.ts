import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import { isDeployment, type Env } from './env';

export type { Logger };

/** `json` for log collectors, `pretty` for a person reading a terminal. */
export type LogFormat = 'json' | 'pretty';

/**
 * A deployment's logs go to a collector that wants one JSON object a line; a person
 * running `npm start` or `npm run dev` on their own machine reads them, so they get
 * coloured lines. LOG_FORMAT overrides either way.
 */
export function logFormat(env: Pick<Env, 'NODE_ENV' | 'PUBLIC_URL'> & { LOG_FORMAT?: LogFormat }): LogFormat {
  return env.LOG_FORMAT ?? (isDeployment(env) ? 'json' : 'pretty');
}

export function createLogger(level: string, format: LogFormat = 'json'): Logger {
  const options = { level, base: { app: 'live-commerce' }, timestamp: pino.stdTimeFunctions.isoTime };
  if (format === 'json') return pino(options);
  // A stream in this thread, not a transport: a worker thread per process is not
  // worth it for one person's terminal, and nothing is lost when the process exits.
  return pino(
    options,
    pretty({ colorize: process.stdout.isTTY, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app', singleLine: true, sync: true }),
  );
}
