// schema.org descriptions of our pages for search engines (JSON-LD). Built from what the page shows, so
// a crawler is told nothing a visitor cannot see: prices and stock come from the same rows.
import { storedDigits } from '../money-format';

type Ld = Record<string, unknown>;

export interface ShowFacts {
  title: string;
  description: string;
  status: 'SCHEDULED' | 'LIVE' | 'ENDED' | 'CANCELLED';
  scheduledStart: string;
  startedAt: string | null;
  endedAt: string | null;
  host: { name: string };
  brand: { name: string };
}

export interface OfferFacts {
  name: string;
  priceMinor: number;
  currency: string;
  stock: number;
}

export interface ProductFacts {
  title: string;
  description: string;
  brand: { name: string };
  variants: OfferFacts[];
}

/** Stored minor units in the ISO digits the whole app uses (money-format.ts): 3200 USD → "32.00", 45000 LAK → "45000". */
export function decimalPrice(minor: number, currency: string): string {
  const digits = storedDigits(currency);
  return digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);
}

/** A live or upcoming show: a BroadcastEvent, live while it is on air. */
export function showLd(show: ShowFacts, url: string, image: string): Ld {
  return {
    '@context': 'https://schema.org',
    '@type': 'BroadcastEvent',
    name: show.title,
    ...(show.description && { description: show.description }),
    url,
    image,
    isLiveBroadcast: true,
    startDate: show.startedAt ?? show.scheduledStart,
    ...(show.endedAt && { endDate: show.endedAt }),
    eventStatus: show.status === 'CANCELLED' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    performer: { '@type': 'Person', name: show.host.name },
    organizer: { '@type': 'Organization', name: show.brand.name },
  };
}

/** An ended show that plays as a replay: a VideoObject of its recording. */
export function replayLd(show: ShowFacts, url: string, image: string, durationSeconds: number | null): Ld {
  return {
    '@context': 'https://schema.org',
    '@type': 'VideoObject',
    name: show.title,
    description: show.description || show.title,
    url,
    thumbnailUrl: image,
    uploadDate: show.endedAt ?? show.startedAt ?? show.scheduledStart,
    ...(durationSeconds !== null && { duration: isoDuration(durationSeconds) }),
    publication: {
      '@type': 'BroadcastEvent',
      isLiveBroadcast: true,
      startDate: show.startedAt ?? show.scheduledStart,
      ...(show.endedAt && { endDate: show.endedAt }),
    },
  };
}

/** What the product page shows of its reviews: the published ones' rating and the reviews on the page. */
export interface RatingFacts {
  average: number;
  count: number;
  reviews: { rating: number; body: string; authorName: string; createdAt: Date }[];
}

/**
 * A product with one offer per variant, in stock or not as the shelf has it now; with its rating and
 * the reviews on the page when it has any (search engines reject an aggregateRating of zero reviews).
 */
export function productLd(product: ProductFacts, url: string, image: string | null, ratings: RatingFacts | null = null): Ld {
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    ...(product.description && { description: product.description }),
    ...(image && { image }),
    url,
    brand: { '@type': 'Brand', name: product.brand.name },
    offers: product.variants.map((v) => ({
      '@type': 'Offer',
      name: v.name,
      price: decimalPrice(v.priceMinor, v.currency),
      priceCurrency: v.currency,
      availability: v.stock > 0 ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      url,
    })),
    ...(ratings &&
      ratings.count > 0 && {
        aggregateRating: {
          '@type': 'AggregateRating',
          ratingValue: ratings.average,
          reviewCount: ratings.count,
          bestRating: 5,
          worstRating: 1,
        },
        review: ratings.reviews.map((r) => ({
          '@type': 'Review',
          reviewRating: { '@type': 'Rating', ratingValue: r.rating, bestRating: 5, worstRating: 1 },
          author: { '@type': 'Person', name: r.authorName },
          datePublished: r.createdAt.toISOString().slice(0, 10),
          ...(r.body && { reviewBody: r.body }),
        })),
      }),
  };
}

function isoDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s % 60}S`;
}

/**
 * JSON for a <script type="application/ld+json">: `<` is escaped so a title such as
 * "</script><script>…" cannot end the element and run as code.
 */
export function ldJson(data: Ld): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
