import { describe, expect, it } from 'vitest';
import type { ShowBroadcaster } from './broadcaster';
import { PurchaseFeed } from './purchase-feed';

describe('PurchaseFeed', () => {
  it('turns a burst of purchases into one stock update per variant, one deal update and one "just bought" per tick', () => {
    const sent: [string, unknown][] = [];
    const broadcaster = { emit: (_: string, event: string, payload: unknown) => sent.push([event, payload]) } as unknown as ShowBroadcaster;
    const feed = new PurchaseFeed(broadcaster, 60_000);
    // Acknowledgements can complete out of order: 7 may be recorded after 5.
    for (const stockAfter of [9, 8, 5, 7, 6]) {
      feed.record('s1', {
        productId: 'p',
        variantId: 'v',
        stockAfter,
        buyerName: `B${stockAfter}`,
        productTitle: 'Serum',
        quantity: 1,
        deal: { id: 'd', soldCount: 10 - stockAfter },
      });
    }
    feed.tick();
    expect(sent).toEqual([
      ['stock:changed', { showId: 's1', productId: 'p', variantId: 'v', stock: 5 }],
      ['deal:updated', { showId: 's1', dealId: 'd', soldCount: 5 }],
      ['order:justBought', { showId: 's1', buyerName: 'B9', productTitle: 'Serum', quantity: 1, others: 4 }],
    ]);
    feed.tick();
    expect(sent).toHaveLength(3);
    feed.close();
  });

  it('counts a bag’s deal units in the deal update without counting another buyer', () => {
    const sent: [string, unknown][] = [];
    const broadcaster = { emit: (_: string, event: string, payload: unknown) => sent.push([event, payload]) } as unknown as ShowBroadcaster;
    const feed = new PurchaseFeed(broadcaster, 60_000);
    feed.record('s1', { productId: 'p', variantId: 'v', stockAfter: 4, buyerName: 'Ana', productTitle: 'Serum', quantity: 3, deal: null });
    feed.recordDeal('s1', { id: 'd', soldCount: 3 });
    feed.recordDeal('s1', { id: 'd', soldCount: 2 });
    feed.tick();
    expect(sent).toEqual([
      ['stock:changed', { showId: 's1', productId: 'p', variantId: 'v', stock: 4 }],
      ['deal:updated', { showId: 's1', dealId: 'd', soldCount: 3 }],
      ['order:justBought', { showId: 's1', buyerName: 'Ana', productTitle: 'Serum', quantity: 3, others: 0 }],
    ]);
    feed.close();
  });

  it('paces a big room by its size: 1,000 viewers get at most one batch a second, each carrying the lowest stock, and nothing is lost', () => {
    const sent: [string, unknown][] = [];
    const broadcaster = { emit: (_: string, event: string, payload: unknown) => sent.push([event, payload]) } as unknown as ShowBroadcaster;
    let now = 0;
    const feed = new PurchaseFeed(broadcaster, 200, undefined, { audience: () => 1_000, now: () => now });
    const buy = (stockAfter: number) =>
      feed.record('s1', {
        productId: 'p',
        variantId: 'v',
        stockAfter,
        buyerName: `B${stockAfter}`,
        productTitle: 'Serum',
        quantity: 1,
        deal: null,
      });
    buy(9);
    feed.tick();
    // The first batch after a quiet spell goes at once.
    expect(sent.map(([event]) => event)).toEqual(['stock:changed', 'order:justBought']);
    for (const at of [200, 400, 600, 800]) {
      now = at;
      buy(9 - at / 200);
      feed.tick();
    }
    expect(sent).toHaveLength(2);
    now = 1_000;
    feed.tick();
    expect(sent.slice(2)).toEqual([
      ['stock:changed', { showId: 's1', productId: 'p', variantId: 'v', stock: 5 }],
      ['order:justBought', { showId: 's1', buyerName: 'B8', productTitle: 'Serum', quantity: 1, others: 3 }],
    ]);
    feed.close();
  });
});
