import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../domain/context';
import { AppError, englishMessage, isErrorKey, issueParams, toErrorPayload } from '../domain/errors';
import type { Env } from '../env';
import { createLogger, type Logger } from '../log';
import { services } from '../services';
import { authenticateApiKey, type ApiPrincipal } from './keys';
import type { ApiOperation } from './operation';
import type { ApiScope } from './scopes';
import { apiRateLimiter, type RateLimitDecision } from './rate-limit';

// The public API's one transport wrapper: authenticate the key, rate-limit it,
// check the scope, parse params/query/body with the operation's schemas, call
// the handler, and answer JSON — errors as { error: { code, message } } with the
// status from ERROR_CATALOG. Route files only pick an operation and delegate.

export interface ApiRequestContext<P, Q, B, Principal> {
  db: Db;
  env: Env;
  log: Logger;
  request: Request;
  principal: Principal;
  params: P;
  query: Q;
  body: B;
}

/** Next.js passes route params as a promise; every route here has string segments. */
export interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

/** The key's principal for scoped operations; null only for the public OpenAPI document. */
type PrincipalFor<S> = S extends ApiScope ? ApiPrincipal : null;

type Handler<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType, S> = (
  ctx: ApiRequestContext<z.infer<P>, z.infer<Q>, z.infer<B>, PrincipalFor<S>>,
) => Promise<z.input<R>>;

export function apiRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType, S extends ApiScope | null>(
  op: ApiOperation<P, Q, B, R, S>,
  handler: Handler<P, Q, B, R, S>,
): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    const { db, env } = services();
    const requestId = randomUUID();
    const log = apiLog(env).child({ requestId, operation: op.operationId });
    const headers = new Headers({ 'Cache-Control': 'no-store', 'X-Request-Id': requestId });
    let principal: ApiPrincipal | null = null;
    try {
      if (op.scope) {
        principal = await authenticateApiKey(db, request.headers.get('authorization'));
        const limit = apiRateLimiter().take(principal.keyId);
        setRateLimitHeaders(headers, limit, apiRateLimiter().policy);
        if (!limit.allowed) {
          headers.set('Retry-After', String(limit.retryAfterSeconds));
          throw new AppError(
            'API_RATE_LIMITED',
            { retryAfterSeconds: limit.retryAfterSeconds },
            `key ${principal.keyId} over its rate limit`,
          );
        }
        if (!principal.scopes.has(op.scope))
          throw new AppError('API_KEY_SCOPE', { scope: op.scope }, `key ${principal.keyId} lacks ${op.scope}`);
      }
      const params = parsePart(op.params, await context.params, 'path');
      const query = parsePart(op.query, Object.fromEntries(new URL(request.url).searchParams), 'query');
      const body = op.body ? parsePart(op.body, await readJson(request), 'body') : (undefined as z.infer<B>);
      // principal is set exactly when op.scope is, which is what PrincipalFor<S> says.
      const result = await handler({ db, env, log, request, principal: principal as PrincipalFor<S>, params, query, body });
      log.info({ keyId: principal?.keyId, brandId: principal?.brandId, status: 200 }, 'api request');
      return Response.json(result, { status: 200, headers });
    } catch (error) {
      return errorResponse(error, headers, log, principal);
    }
  };
}

let cachedLog: Logger | undefined;
function apiLog(env: Env): Logger {
  return (cachedLog ??= createLogger(env.LOG_LEVEL).child({ component: 'api' }));
}

function setRateLimitHeaders(headers: Headers, limit: RateLimitDecision, policy: string): void {
  headers.set('RateLimit-Limit', String(limit.limit));
  headers.set('RateLimit-Remaining', String(limit.remaining));
  headers.set('RateLimit-Reset', String(limit.resetSeconds));
  headers.set('RateLimit-Policy', policy);
}

class InvalidRequest extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super('invalid request');
  }
}

function parsePart<S extends z.ZodType>(schema: S | undefined, value: unknown, where: 'path' | 'query' | 'body'): z.infer<S> {
  if (!schema) return undefined as z.infer<S>;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new InvalidRequest(
    parsed.error.issues.map((issue) => ({
      path: [where, ...issue.path.map(String)].join('.'),
      message: isErrorKey(issue.message) ? englishMessage(issue.message, issueParams(issue)) : issue.message,
    })),
  );
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InvalidRequest([{ path: 'body', message: 'The body must be JSON.' }]);
  }
}

function errorResponse(error: unknown, headers: Headers, log: Logger, principal: ApiPrincipal | null): Response {
  const who = { keyId: principal?.keyId, brandId: principal?.brandId };
  if (error instanceof InvalidRequest) {
    log.info({ ...who, status: 400, issues: error.issues }, 'api request invalid');
    return Response.json(
      { error: { code: 'INVALID_INPUT', message: 'Some of the request is not valid; see issues.', issues: error.issues } },
      { status: 400, headers },
    );
  }
  const payload = toErrorPayload(error);
  const status = error instanceof AppError ? error.httpStatus : 500;
  if (status >= 500) log.error({ ...who, err: error, status }, 'api request failed');
  else log.info({ ...who, status, code: payload.code, reason: error instanceof Error ? error.message : undefined }, 'api request refused');
  return Response.json({ error: payload }, { status, headers });
}
