import { apiOperations } from '@/server/api/operations';
import { fulfilApiOrder } from '@/server/api/orders';
import { apiRoute } from '@/server/api/route';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(apiOperations.fulfilOrder, ({ db, env, principal, params, body }) =>
  fulfilApiOrder(db, principal.brandId, env.PUBLIC_URL, params.id, body),
);
