// Where an order ships: the copy of the buyer's address taken when the order was
// placed (Order.ship*). Every reader uses this, never Order.address, because the
// saved address can be edited or deleted after the order (see the migration
// 20261123070000_order_address_snapshot).
import type { Prisma } from '../../db/client';

export interface ShippingAddress {
  fullName: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  phone: string;
}

/** Spread into an Order select; read back with `shippingAddressOf`. */
export const shippingAddressSelect = {
  shipName: true,
  shipLine1: true,
  shipLine2: true,
  shipCity: true,
  shipRegion: true,
  shipPostalCode: true,
  shipCountry: true,
  shipPhone: true,
} as const satisfies Prisma.OrderSelect;

export type ShippingAddressColumns = Prisma.OrderGetPayload<{ select: typeof shippingAddressSelect }>;
type AddressRow = Pick<ShippingAddress, keyof ShippingAddress>;

/** The order's shipping address, or null for an old order whose address was gone before copies existed. */
export function shippingAddressOf(row: ShippingAddressColumns): ShippingAddress | null {
  if (row.shipName === null || row.shipLine1 === null || row.shipCity === null || row.shipCountry === null) return null;
  return {
    fullName: row.shipName,
    line1: row.shipLine1,
    line2: row.shipLine2 ?? '',
    city: row.shipCity,
    region: row.shipRegion ?? '',
    postalCode: row.shipPostalCode ?? '',
    country: row.shipCountry,
    phone: row.shipPhone ?? '',
  };
}

/** Order columns copying a saved address, for code that creates orders. */
export function shippingAddressColumns(address: AddressRow): { [K in keyof ShippingAddressColumns]: string } {
  return {
    shipName: address.fullName,
    shipLine1: address.line1,
    shipLine2: address.line2,
    shipCity: address.city,
    shipRegion: address.region,
    shipPostalCode: address.postalCode,
    shipCountry: address.country,
    shipPhone: address.phone,
  };
}

/** A row with its ship* columns replaced by `address`, the shape the order pages read. */
export function withShippingAddress<T extends ShippingAddressColumns>(
  row: T,
): Omit<T, keyof ShippingAddressColumns> & { address: ShippingAddress | null } {
  const { shipName, shipLine1, shipLine2, shipCity, shipRegion, shipPostalCode, shipCountry, shipPhone, ...rest } = row;
  return {
    ...rest,
    address: shippingAddressOf({ shipName, shipLine1, shipLine2, shipCity, shipRegion, shipPostalCode, shipCountry, shipPhone }),
  };
}
