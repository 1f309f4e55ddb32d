import { apiOperations } from '@/server/api/operations';
import { apiRoute } from '@/server/api/route';
import { listApiShows } from '@/server/api/shows';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(apiOperations.listShows, ({ db, env, principal, query }) =>
  listApiShows(db, principal.brandId, env.PUBLIC_URL, query),
);
