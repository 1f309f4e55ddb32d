// CONTRACT (implemented by the public API and webhooks work): records something
// that happened to a brand's data and queues its webhook deliveries. Call it
// after the change has committed (or inside the same transaction, passing `tx`).
import type { Db } from './context';

export type BrandEventType =
  | 'order.created'
  | 'order.paid'
  | 'order.packed'
  | 'order.shipped'
  | 'order.delivered'
  | 'order.cancelled'
  | 'order.refunded'
  | 'stock.changed'
  | 'product.updated'
  | 'show.scheduled'
  | 'show.live'
  | 'show.ended';

export async function recordBrandEvent(_db: Pick<Db, 'brandEvent' | 'webhookEndpoint' | 'webhookDelivery' | 'job'>, _brandId: string, _type: BrandEventType, _data: Record<string, unknown>): Promise<void> {}
