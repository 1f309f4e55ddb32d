import { apiOperations } from '@/server/api/operations';
import { apiRoute } from '@/server/api/route';
import { embedOriginsOfBrand, setEmbedOriginsOfBrand } from '@/server/domain/embed';
import { embedOriginRules } from '@/server/embed-frame';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(apiOperations.getEmbedOrigins, async ({ db, principal }) => ({
  origins: await embedOriginsOfBrand(db, principal.brandId),
}));

export const PUT = apiRoute(apiOperations.setEmbedOrigins, async ({ db, env, principal, body }) => ({
  origins: await setEmbedOriginsOfBrand(db, principal.brandId, body.origins, embedOriginRules(env)),
}));
