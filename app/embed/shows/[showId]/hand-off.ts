import type { ProductCard } from '@/server/domain/catalog';

/** The event a host page receives when its visitor presses Buy in hand-off mode (docs/embed.md keeps this shape). */
export interface AddToCartEvent {
  type: 'live-commerce:add-to-cart';
  showId: string;
  productId: string;
  sku: string;
  variantId: string;
  quantity: number;
  /** The variant's regular price per unit, in the currency's minor units (2400 = 24.00 USD). */
  price: number;
  currency: string;
}

export function addToCartEvent({
  showId,
  productId,
  sku,
  variant,
  quantity,
}: {
  showId: string;
  productId: string;
  sku: string;
  variant: ProductCard['variants'][number];
  quantity: number;
}): AddToCartEvent {
  return {
    type: 'live-commerce:add-to-cart',
    showId,
    productId,
    sku,
    variantId: variant.id,
    quantity,
    price: variant.priceMinor,
    currency: variant.currency,
  };
}
