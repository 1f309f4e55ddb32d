import { buildOpenApiDocument } from '@/server/api/openapi';
import { apiOperations } from '@/server/api/operations';
import { apiRoute } from '@/server/api/route';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(apiOperations.getOpenApiDocument, async ({ env }) => buildOpenApiDocument(env.PUBLIC_URL));
