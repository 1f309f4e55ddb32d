import { apiOperations } from '@/server/api/operations';
import { apiRoute } from '@/server/api/route';
import { getApiShow } from '@/server/api/shows';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(apiOperations.getShow, ({ db, env, principal, params }) =>
  getApiShow(db, principal.brandId, env.PUBLIC_URL, params.id),
);
