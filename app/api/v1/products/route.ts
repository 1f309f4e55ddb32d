import { apiOperations } from '@/server/api/operations';
import { listApiProducts } from '@/server/api/products';
import { apiRoute } from '@/server/api/route';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(apiOperations.listProducts, ({ db, principal, query }) => listApiProducts(db, principal.brandId, query));
