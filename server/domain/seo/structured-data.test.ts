import { describe, expect, it } from 'vitest';
import { decimalPrice, ldJson, productLd, replayLd, showLd, type ShowFacts } from './structured-data';

const show: ShowFacts = {
  title: 'Glow up',
  description: '',
  status: 'LIVE',
  scheduledStart: '2026-12-06T10:00:00.000Z',
  startedAt: '2026-12-06T10:02:00.000Z',
  endedAt: null,
  host: { name: 'Mia' },
  brand: { name: 'Lumen' },
};

describe('structured data (JSON-LD)', () => {
  it('prices are decimal strings in the stored currency’s ISO digits (KHR 2, LAK 0)', () => {
    expect(decimalPrice(3200, 'USD')).toBe('32.00');
    expect(decimalPrice(5, 'USD')).toBe('0.05');
    expect(decimalPrice(45000, 'KHR')).toBe('450.00');
    expect(decimalPrice(45000, 'LAK')).toBe('45000');
  });

  it('a live show is a live BroadcastEvent that started when it went on air', () => {
    const ld = showLd(show, 'https://x.test/shows/1', 'https://x.test/c.jpg');
    expect(ld).toMatchObject({ '@type': 'BroadcastEvent', isLiveBroadcast: true, startDate: show.startedAt, name: 'Glow up' });
    expect(ld).not.toHaveProperty('description');
  });

  it('a replay is a VideoObject with its duration and the broadcast it came from', () => {
    const ld = replayLd({ ...show, status: 'ENDED', endedAt: '2026-12-06T11:00:00.000Z' }, 'u', 'i', 3723);
    expect(ld).toMatchObject({ '@type': 'VideoObject', duration: 'PT1H2M3S', uploadDate: '2026-12-06T11:00:00.000Z' });
    expect(ld.publication).toMatchObject({ '@type': 'BroadcastEvent', endDate: '2026-12-06T11:00:00.000Z' });
  });

  it('a product has one offer per variant, out of stock where the shelf is empty', () => {
    const ld = productLd(
      {
        title: 'Cream',
        description: 'Soft',
        brand: { name: 'Lumen' },
        variants: [
          { name: '50 ml', priceMinor: 3200, currency: 'USD', stock: 3 },
          { name: '100 ml', priceMinor: 5000, currency: 'USD', stock: 0 },
        ],
      },
      'u',
      null,
    );
    expect(ld.offers).toEqual([
      expect.objectContaining({ price: '32.00', priceCurrency: 'USD', availability: 'https://schema.org/InStock' }),
      expect.objectContaining({ price: '50.00', availability: 'https://schema.org/OutOfStock' }),
    ]);
    expect(ld).not.toHaveProperty('image');
  });

  it('a product with reviews carries aggregateRating and its reviews; one without carries neither', () => {
    const product = { title: 'Cream', description: '', brand: { name: 'Lumen' }, variants: [] };
    const ld = productLd(product, 'u', null, {
      average: 4.5,
      count: 2,
      reviews: [{ rating: 5, body: 'Soft', authorName: 'Sam R.', createdAt: new Date('2026-12-01T10:00:00Z') }],
    });
    expect(ld.aggregateRating).toEqual({ '@type': 'AggregateRating', ratingValue: 4.5, reviewCount: 2, bestRating: 5, worstRating: 1 });
    expect(ld.review).toEqual([
      expect.objectContaining({ author: { '@type': 'Person', name: 'Sam R.' }, datePublished: '2026-12-01', reviewBody: 'Soft' }),
    ]);
    const none = productLd(product, 'u', null, { average: 0, count: 0, reviews: [] });
    expect(none).not.toHaveProperty('aggregateRating');
    expect(none).not.toHaveProperty('review');
  });

  it('a title cannot close the script element it is written in', () => {
    const text = ldJson({ name: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>' });
  });
});
