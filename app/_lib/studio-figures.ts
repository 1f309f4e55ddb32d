// What the host's live figures show, computed from the sales heard this session.

export interface Sale {
  orderNumber: number;
  totalMinor: number;
  currency: string;
  productTitle: string;
  variantName: string;
  quantity: number;
  buyerName: string;
}

export interface SalesFigures {
  orders: number;
  /** One total per currency, in the order each currency was first sold (a show normally has one). */
  revenue: { currency: string; totalMinor: number }[];
  /** The product with the most units sold; ties go to the one that reached that count first. */
  topProduct: { title: string; units: number } | null;
}

/** `sales` newest first, as the feed keeps them. */
export function salesFigures(sales: readonly Sale[]): SalesFigures {
  const revenue = new Map<string, number>();
  const units = new Map<string, number>();
  let topProduct: SalesFigures['topProduct'] = null;
  for (const sale of [...sales].reverse()) {
    revenue.set(sale.currency, (revenue.get(sale.currency) ?? 0) + sale.totalMinor);
    const count = (units.get(sale.productTitle) ?? 0) + sale.quantity;
    units.set(sale.productTitle, count);
    if (!topProduct || count > topProduct.units) topProduct = { title: sale.productTitle, units: count };
  }
  return { orders: sales.length, revenue: [...revenue].map(([currency, totalMinor]) => ({ currency, totalMinor })), topProduct };
}

/**
 * Loudness 0–100 from an AnalyserNode's time-domain bytes (128 = silence).
 * RMS on a square-root scale, so speech sits mid-bar instead of near zero.
 */
export function micLevel(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const centred = (samples[i]! - 128) / 128;
    sum += centred * centred;
  }
  const rms = Math.sqrt(sum / samples.length);
  return Math.min(100, Math.round(Math.sqrt(rms) * 100));
}
