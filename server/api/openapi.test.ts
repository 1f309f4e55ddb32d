import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getOpenApi } from '../../app/api/v1/openapi.json/route';
import { testEnv } from '../jobs/test-support';
import { registerServices, type AppServices } from '../services';
import { buildOpenApiDocument } from './openapi';
import { apiOperations } from './operations';
import { callRoute } from './test-support';

const V1_DIR = path.join(import.meta.dirname, '../../app/api/v1');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** app/api/v1/products/[id]/route.ts → /products/{id} */
function routeFiles(dir = V1_DIR): { file: string; path: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== 'route.ts') return [];
    const segments = path
      .relative(V1_DIR, dir)
      .split(path.sep)
      .map((s) => s.replace(/^\[(\w+)\]$/, '{$1}'));
    return [{ file: full, path: `/${segments.join('/')}` }];
  });
}

describe('OpenAPI document', () => {
  beforeAll(() =>
    registerServices({ env: testEnv('postgres://unused', { PUBLIC_URL: 'https://shop.example' }) } as unknown as AppServices),
  );
  afterAll(() => registerServices(undefined));

  it('lists exactly the operations the route files under app/api/v1 export', async () => {
    const document = buildOpenApiDocument('https://shop.example') as unknown as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const fromFiles: string[] = [];
    for (const route of routeFiles()) {
      const module = (await import(route.file)) as Record<string, unknown>;
      for (const method of METHODS) if (typeof module[method] === 'function') fromFiles.push(`${method} ${route.path}`);
    }
    const fromDocument = Object.entries(document.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    const fromOperations = Object.values(apiOperations).map((op) => `${op.method} ${op.path}`);
    expect(fromFiles.sort()).toEqual(fromDocument.sort());
    expect(fromOperations.sort()).toEqual(fromDocument.sort());
  });

  it('is served at /api/v1/openapi.json without a key, as OpenAPI 3.1 with scopes, schemas and the server URL', async () => {
    const answer = await callRoute(getOpenApi, 'GET', '/openapi.json');
    expect(answer.status).toBe(200);
    const doc = answer.json as {
      openapi: string;
      servers: { url: string }[];
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: 'https://shop.example/api/v1' }]);
    const patch = doc.paths['/variants/{id}/stock']?.put;
    expect(patch).toMatchObject({
      operationId: 'setVariantStock',
      security: [{ apiKey: ['stock:write'] }],
      parameters: [{ name: 'id', in: 'path', required: true }],
      requestBody: {
        content: {
          'application/json': { schema: { type: 'object', properties: { stock: { type: 'integer', minimum: 0 } }, required: ['stock'] } },
        },
      },
      responses: { '401': expect.anything(), '403': expect.anything(), '404': expect.anything(), '429': expect.anything() },
    });
    expect(doc.paths['/orders']?.get?.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'status', in: 'query', required: false }),
        expect.objectContaining({ name: 'since', in: 'query', required: false }),
        expect.objectContaining({ name: 'cursor', in: 'query', required: false }),
      ]),
    );
  });
});
