import type { z } from 'zod';
import type { ApiScope } from './scopes';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One API operation, declared once: the route handler parses with these
 * schemas and the OpenAPI document is generated from them, so the two cannot
 * drift. `path` is relative to /api/v1, in OpenAPI form (`/products/{id}`).
 */
export interface ApiOperation<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
  S extends ApiScope | null = ApiScope | null,
> {
  method: HttpMethod;
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** The scope the key needs; null for the public OpenAPI document itself. */
  scope: S;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
}

export function defineOperation<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
  S extends ApiScope | null,
>(op: ApiOperation<P, Q, B, R, S>): ApiOperation<P, Q, B, R, S> {
  return op;
}
