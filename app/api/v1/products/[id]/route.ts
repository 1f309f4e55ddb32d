import { apiOperations } from '@/server/api/operations';
import { getApiProduct, updateApiProduct } from '@/server/api/products';
import { apiRoute } from '@/server/api/route';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(apiOperations.getProduct, ({ db, principal, params }) => getApiProduct(db, principal.brandId, params.id));

export const PATCH = apiRoute(apiOperations.updateProduct, ({ db, principal, params, body }) =>
  updateApiProduct(db, principal.brandId, params.id, body),
);
