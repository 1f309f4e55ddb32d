import type { Server, Socket } from 'socket.io';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { AppError, toErrorPayload } from '../domain/errors';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from './protocol';
import { TokenBucket } from './rate-limiter';

export type ShowServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type ShowSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

type EventName = keyof ClientToServerEvents;
type AckOf<E extends EventName> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
/** What a handler returns: the acknowledgement's success fields, without `ok`. */
export type Reply<E extends EventName> = Omit<Extract<AckOf<E>, { ok: true }>, 'ok'>;

export interface HandlerRegistrar {
  on<E extends EventName, S extends z.ZodType>(event: E, schema: S, handler: (payload: z.infer<S>) => Promise<Reply<E>>): void;
}

// Generous for people, tight for scripts: one flooding client is cut off
// without slowing anybody else down.
const EVENTS_BURST = 40;
const EVENTS_PER_SECOND = 20;

/**
 * Wraps every client event the same way: the rate limit, schema validation, a
 * typed acknowledgement, and errors mapped to `{ code, message }`. Nothing a
 * client sends can throw past this point.
 */
export function handlerRegistrar(socket: ShowSocket, log: Logger): HandlerRegistrar {
  const bucket = new TokenBucket(EVENTS_BURST, EVENTS_PER_SECOND);
  const loose = socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void };
  return {
    on(event, schema, handler) {
      loose.on(event, (...args: unknown[]) => {
        const ack = args.at(-1);
        // Events without an acknowledgement callback are not part of the protocol.
        if (typeof ack !== 'function') return;
        const reply = (response: unknown) => (ack as (r: unknown) => void)(response);
        if (!bucket.take()) {
          reply({ ok: false, error: toErrorPayload(new AppError('RATE_LIMITED')) });
          return;
        }
        const parsed = schema.safeParse(args.length > 1 ? args[0] : undefined);
        if (!parsed.success) {
          reply({ ok: false, error: toErrorPayload(new AppError('INVALID_INPUT')) });
          return;
        }
        handler(parsed.data).then(
          (result) => reply({ ok: true, ...result }),
          (error: unknown) => {
            if (error instanceof AppError) log.debug({ event, code: error.code, detail: error.message }, 'event refused');
            else log.error({ event, err: error }, 'event failed');
            reply({ ok: false, error: toErrorPayload(error) });
          },
        );
      });
    },
  };
}
