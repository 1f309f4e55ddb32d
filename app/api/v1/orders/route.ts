import { apiOperations } from '@/server/api/operations';
import { listApiOrders } from '@/server/api/orders';
import { apiRoute } from '@/server/api/route';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(apiOperations.listOrders, ({ db, principal, query }) => listApiOrders(db, principal.brandId, query));
