// Helpers for the API route tests (not app code): call a route handler the way
// Next.js does, with a real Request and the params promise.
import type { RouteContext } from './route';

export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

export interface CallOptions {
  key?: string | null;
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  // Tests look into the JSON freely; each test states the shape it expects.
  json: Record<string, unknown> & { error?: { code: string; message: string; issues?: { path: string; message: string }[] } };
}

export async function callRoute(
  handler: RouteHandler,
  method: string,
  path: string,
  { key, params = {}, body, query }: CallOptions = {},
): Promise<ApiAnswer> {
  const url = new URL(`http://localhost:3000/api/v1${path}`);
  for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
  const headers = new Headers();
  if (key) headers.set('Authorization', `Bearer ${key}`);
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  const request = new Request(url, {
    method,
    headers,
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  return { status: response.status, headers: response.headers, json: (await response.json()) as ApiAnswer['json'] };
}
