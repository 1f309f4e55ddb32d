import { apiOperations } from '@/server/api/operations';
import { setApiVariantStock } from '@/server/api/products';
import { apiRoute } from '@/server/api/route';

export const dynamic = 'force-dynamic';

export const PUT = apiRoute(apiOperations.setVariantStock, ({ db, principal, params, body }) =>
  setApiVariantStock(db, principal.brandId, params.id, body.stock),
);
