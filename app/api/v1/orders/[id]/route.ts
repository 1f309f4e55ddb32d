import { apiOperations } from '@/server/api/operations';
import { getApiOrder } from '@/server/api/orders';
import { apiRoute } from '@/server/api/route';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(apiOperations.getOrder, ({ db, principal, params }) => getApiOrder(db, principal.brandId, params.id));
