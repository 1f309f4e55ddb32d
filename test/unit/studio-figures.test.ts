import { describe, expect, it } from 'vitest';
import { micLevel, salesFigures, type Sale } from '../../app/_lib/studio-figures';

const sale = (orderNumber: number, productTitle: string, totalMinor: number, quantity = 1, currency = 'USD'): Sale => ({
  orderNumber,
  productTitle,
  totalMinor,
  quantity,
  currency,
  variantName: 'Default',
  buyerName: 'Sam',
});

describe('salesFigures', () => {
  it('has no orders, no revenue and no top product before the first sale', () => {
    expect(salesFigures([])).toEqual({ orders: 0, revenue: [], topProduct: null });
  });

  it('counts orders, adds revenue per currency and ranks products by units, not by orders', () => {
    // Newest first, as the feed holds them.
    const sales = [sale(4, 'Serum', 3300), sale(3, 'Lip oil', 1800, 3), sale(2, 'Serum', 1000, 1, 'KHR'), sale(1, 'Serum', 4200)];
    expect(salesFigures(sales)).toEqual({
      orders: 4,
      revenue: [
        { currency: 'USD', totalMinor: 9300 },
        { currency: 'KHR', totalMinor: 1000 },
      ],
      topProduct: { title: 'Lip oil', units: 3 },
    });
  });

  it('keeps the product that reached the top count first when two are tied', () => {
    expect(salesFigures([sale(2, 'B', 100), sale(1, 'A', 100)]).topProduct).toEqual({ title: 'A', units: 1 });
  });
});

describe('micLevel', () => {
  it('is 0 for silence and 100 for a full-scale signal', () => {
    expect(micLevel(new Uint8Array(64).fill(128))).toBe(0);
    expect(micLevel(Uint8Array.from({ length: 64 }, (_, i) => (i % 2 ? 0 : 255)))).toBeGreaterThanOrEqual(99);
    expect(micLevel([])).toBe(0);
  });

  it('puts quiet speech clearly above zero', () => {
    expect(micLevel(Uint8Array.from({ length: 64 }, (_, i) => (i % 2 ? 120 : 136)))).toBeGreaterThan(20);
  });
});
