// What search engines and link previews read: the sitemap's public pages, a product's own page and
// schema.org descriptions (JSON-LD) of shows, replays and products (issue 20 item 5).
//
// The module's public door: code outside server/domain/seo/ imports from here, never from its inner files.
export { productPage, type ProductPage } from './product-page';
export { sitemapEntries, type SitemapEntry } from './sitemap';
export { decimalPrice, ldJson, productLd, type RatingFacts, replayLd, showLd, type ShowFacts } from './structured-data';
