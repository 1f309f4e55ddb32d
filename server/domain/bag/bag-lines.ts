// Reading a viewer's bag for a show with live prices and stock. Shared by the
// bag itself and its checkout.
import type { Db } from '../context';
import { activeDeal, type DealView } from '../shows';
import { AppError } from '../errors';
import { heldUnits } from '../waitlist';
import type { ShippingRule } from '../pricing';

export interface BagShow {
  id: string;
  status: string;
  brandId: string;
  maxPerBuyer: number;
  currency: string;
  shipping: ShippingRule;
  lineup: Set<string>;
}

/** Why a line cannot be bought as it is; null when it can. */
export type BagLineProblem = 'UNAVAILABLE' | 'SOLD_OUT' | 'NOT_ENOUGH' | null;

export interface BagLine {
  variantId: string;
  productId: string;
  productTitle: string;
  variantName: string;
  imageUrl: string | null;
  /** What one unit costs now: the flash deal's price when `deal` is set, else the regular price. */
  unitPriceMinor: number;
  regularPriceMinor: number;
  /** The running deal pricing this line: set while it runs and its cap still covers the whole line. */
  deal: { id: string; endsAt: string } | null;
  currency: string;
  quantity: number;
  stock: number;
  problem: BagLineProblem;
}

export async function loadBagShow(db: Db, showId: string): Promise<BagShow> {
  const show = await db.show.findUnique({
    where: { id: showId },
    select: {
      id: true,
      status: true,
      brandId: true,
      maxPerBuyer: true,
      brand: { select: { currency: true, shippingFlatMinor: true, freeShippingOverMinor: true } },
      lineup: { select: { productId: true } },
    },
  });
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
  const { brand, lineup, ...rest } = show;
  return {
    ...rest,
    currency: brand.currency,
    shipping: { shippingFlatMinor: brand.shippingFlatMinor, freeShippingOverMinor: brand.freeShippingOverMinor },
    lineup: new Set(lineup.map((l) => l.productId)),
  };
}

/** The deal pricing a line of this variant and quantity, if any (see bag-checkout.ts for what happens when it ends). */
function dealFor(deal: DealView | null, variantId: string, quantity: number): DealView | null {
  if (!deal || deal.variantId !== variantId) return null;
  return deal.quantityCap === null || deal.soldCount + quantity <= deal.quantityCap ? deal : null;
}

export async function loadBagLines(db: Db, userId: string, show: BagShow): Promise<BagLine[]> {
  // A replay (an ended show) sells at the regular price: a deal the show left open prices nothing.
  const deal = show.status === 'LIVE' ? await activeDeal(db, show.id) : null;
  const rows = await db.bagItem.findMany({
    where: { userId, showId: show.id },
    orderBy: { addedAt: 'asc' },
    select: {
      quantity: true,
      variant: {
        select: {
          id: true,
          name: true,
          priceMinor: true,
          currency: true,
          stock: true,
          product: { select: { id: true, title: true, imageUrl: true, status: true, brandId: true } },
        },
      },
    },
  });
  // Units held for this viewer (the waitlist) count as stock for them: reserve_order spends the hold.
  const held = await heldUnits(
    db,
    userId,
    rows.map((r) => r.variant.id),
  );
  return rows.map(({ quantity, variant: row }) => {
    const variant = { ...row, stock: row.stock + (held.get(row.id) ?? 0) };
    const { product } = variant;
    const sellable = product.status === 'ACTIVE' && product.brandId === show.brandId && show.lineup.has(product.id);
    const problem: BagLineProblem = !sellable
      ? 'UNAVAILABLE'
      : variant.stock <= 0
        ? 'SOLD_OUT'
        : variant.stock < quantity
          ? 'NOT_ENOUGH'
          : null;
    const lineDeal = sellable ? dealFor(deal, variant.id, quantity) : null;
    return {
      variantId: variant.id,
      productId: product.id,
      productTitle: product.title,
      variantName: variant.name,
      imageUrl: product.imageUrl,
      unitPriceMinor: lineDeal?.priceMinor ?? variant.priceMinor,
      regularPriceMinor: variant.priceMinor,
      deal: lineDeal && { id: lineDeal.id, endsAt: lineDeal.endsAt },
      currency: variant.currency,
      quantity,
      stock: variant.stock,
      problem,
    };
  });
}

/** "Dewy Glow Serum (30 ml)": how a line is named in messages. */
export function lineName(line: { productTitle: string; variantName: string }): string {
  return `${line.productTitle} (${line.variantName})`;
}

export function subtotalOf(lines: BagLine[]): number {
  return lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
}

/** Units per product across the bag's lines: the per-buyer limit counts products, not variants. */
export function unitsPerProduct(lines: { productId: string; quantity: number }[]): Map<string, number> {
  const units = new Map<string, number>();
  for (const line of lines) units.set(line.productId, (units.get(line.productId) ?? 0) + line.quantity);
  return units;
}
