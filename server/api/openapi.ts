import { z } from 'zod';
import { BRAND_EVENT_TYPES } from '../domain/events';
import { apiErrorSchema } from './common';
import type { ApiOperation } from './operation';
import { apiOperations } from './operations';
import { API_SCOPE_LABELS, API_SCOPES } from './scopes';

// The OpenAPI 3.1 document, generated from the same zod schemas the routes parse
// with (OpenAPI 3.1 schemas are JSON Schema 2020-12, which z.toJSONSchema emits).

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function parameters(op: ApiOperation): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', op.params],
    ['query', op.query],
  ] as const) {
    if (!schema) continue;
    const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...propertySchema } = property;
      list.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        ...(typeof description === 'string' && { description }),
        schema: propertySchema,
      });
    }
  }
  return list;
}

function operationObject(op: ApiOperation): JsonSchema {
  const responses: Record<string, unknown> = {
    '200': { description: 'OK', content: { 'application/json': { schema: toSchema(op.response, 'output') } } },
  };
  if (op.params || op.query || op.body) responses['400'] = errorResponse('The request is not valid (code INVALID_INPUT, with issues).');
  if (op.scope) {
    responses['401'] = errorResponse('Missing, unknown or revoked API key (UNAUTHENTICATED).');
    responses['403'] = errorResponse(`The key lacks the ${op.scope} scope (FORBIDDEN).`);
    responses['429'] = {
      ...errorResponse('Rate limit exceeded (RATE_LIMITED); wait Retry-After seconds.'),
      headers: { 'Retry-After': { schema: { type: 'integer' } } },
    };
  }
  if (op.params) responses['404'] = errorResponse('No such resource in your brand (NOT_FOUND).');
  if (op.method !== 'GET') responses['409'] = errorResponse('The change is not possible in the current state.');
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description && { description: op.description }),
    tags: [op.tag],
    ...(op.scope ? { security: [{ apiKey: [op.scope] }], 'x-required-scope': op.scope } : { security: [] }),
    parameters: parameters(op),
    ...(op.body && { requestBody: { required: true, content: { 'application/json': { schema: toSchema(op.body, 'input') } } } }),
    responses,
  };
}

export function buildOpenApiDocument(publicUrl: string): { openapi: string } & JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of Object.values(apiOperations) as ApiOperation[]) {
    (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Live Commerce brand API',
      version: '1.0.0',
      description: [
        'Read and update your brand’s products, stock, shows and orders.',
        '',
        'Authenticate with an API key from Dashboard → Developers: `Authorization: Bearer lc_live_…`. A key belongs to one brand and has scopes; ids of other brands answer 404.',
        '',
        'Rate limit: 120 requests a minute per key, with bursts of up to 30. Every answer carries `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` and `RateLimit-Policy`; over the limit you get 429 with `Retry-After` (seconds).',
        '',
        'Errors are `{ "error": { "code": "…", "message": "…" } }`.',
        '',
        `Webhooks (configured in the dashboard) send events ${BRAND_EVENT_TYPES.join(', ')} as POST \`{ id, type, createdAt, data }\`, signed the Standard Webhooks way: headers Webhook-Id, Webhook-Timestamp and Webhook-Signature = \`v1,\` + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")), where key is the base64-decoded part of the secret after \`whsec_\`. Answer 2xx within 10 s; other answers are retried with exponential backoff, 8 attempts in all.`,
      ].join('\n'),
    },
    servers: [{ url: new URL('/api/v1', publicUrl).toString() }],
    tags: [{ name: 'Products' }, { name: 'Shows' }, { name: 'Orders' }, { name: 'Embed' }, { name: 'Meta' }],
    security: [{ apiKey: [] }],
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'lc_live_…',
          description: `Scopes: ${API_SCOPES.map((s) => `${s} (${API_SCOPE_LABELS[s]})`).join('; ')}.`,
        },
      },
      schemas: { Error: toSchema(apiErrorSchema, 'output') },
    },
  };
}
