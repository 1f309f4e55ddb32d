// Order statuses as plain values, importable by client components (which must
// not pull in the Prisma client). The Record type keeps the list complete.
import type { OrderStatus } from '../../db/client';

const IN_ORDER: Record<OrderStatus, number> = { PLACED: 0, PAID: 1, PACKED: 2, SHIPPED: 3, DELIVERED: 4, CANCELLED: 5, REFUNDED: 6 };

export const ORDER_STATUS_VALUES = Object.keys(IN_ORDER).sort((a, b) => IN_ORDER[a as OrderStatus] - IN_ORDER[b as OrderStatus]) as [
  OrderStatus,
  ...OrderStatus[],
];

/** The happy path a buyer sees as a timeline; CANCELLED and REFUNDED end it early. */
export const FULFILMENT_STEPS = ['PAID', 'PACKED', 'SHIPPED', 'DELIVERED'] as const satisfies readonly OrderStatus[];

export type { OrderStatus };
