import Link from 'next/link';
import { getI18n } from '@/app/_i18n/server';
import { REPORT_REASONS, REVIEW_BODY_MAX, REVIEW_SORTS, type ReviewEligibility, type ReviewPage } from '@/server/domain/reviews';
import { ReviewButtons } from './review-buttons';
import { ReviewForm } from './review-form';

export function Stars({ rating, label }: { rating: number; label: string }) {
  const full = Math.round(rating);
  return (
    <span role="img" aria-label={label} className="text-amber-500">
      {'★'.repeat(full)}
      <span className="text-neutral-300">{'★'.repeat(5 - full)}</span>
    </span>
  );
}

/**
 * The product page's reviews: the rating with its distribution, the buyer's own form when they may
 * review, and pages of reviews sorted newest or most helpful (links, so it works before any script).
 */
export async function ReviewsSection({
  productId,
  brandName,
  page,
  eligibility,
  viewerId,
}: {
  productId: string;
  brandName: string;
  page: ReviewPage;
  eligibility: ReviewEligibility | null;
  viewerId: string | null;
}) {
  const { t, format } = await getI18n();
  const { summary } = page;
  const base = `/products/${productId}`;
  const link = (sort: string, n: number) => `${base}?${new URLSearchParams({ sort, page: String(n) })}#reviews`;
  return (
    <section id="reviews" aria-labelledby="reviews-heading" className="space-y-4" data-testid="product-reviews">
      <h2 id="reviews-heading" className="text-xl font-bold">
        {t('reviews.title')}
      </h2>
      {summary ? (
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start" data-testid="rating-summary">
          <p className="space-y-1">
            <span className="block text-3xl font-bold">{t('reviews.average', { average: format.number(summary.average) })}</span>
            <Stars rating={summary.average} label={t('reviews.average', { average: format.number(summary.average) })} />
            <span className="block text-sm text-neutral-600">{t('reviews.count', { count: summary.count })}</span>
          </p>
          <ul className="w-full max-w-xs space-y-1 text-sm">
            {[5, 4, 3, 2, 1].map((stars) => {
              const count = summary.distribution[stars - 1]!;
              return (
                <li key={stars} className="flex items-center gap-2">
                  <span className="w-16 shrink-0">{t('reviews.form.star', { count: stars })}</span>
                  <span aria-hidden="true" className="h-2 flex-1 overflow-hidden rounded-full bg-neutral-200">
                    <span className="block h-full bg-amber-500" style={{ width: `${Math.round((count / summary.count) * 100)}%` }} />
                  </span>
                  <span className="w-8 shrink-0 text-end tabular-nums">{format.number(count)}</span>
                </li>
              );
            })}
          </ul>
        </div>
      ) : (
        <p className="text-neutral-600">{t('reviews.none')}</p>
      )}
      {eligibility?.allowed && <ReviewForm productId={productId} max={REVIEW_BODY_MAX} initial={eligibility.review} />}
      {summary && (
        <>
          <nav aria-label={t('reviews.sortLabel')} className="flex gap-2">
            {REVIEW_SORTS.map((sort) => (
              <Link
                key={sort}
                href={link(sort, 1)}
                aria-current={sort === page.sort ? 'page' : undefined}
                className="rounded-full border border-neutral-300 px-3 py-1.5 text-sm font-semibold aria-[current=page]:bg-ink aria-[current=page]:text-white"
              >
                {t(`reviews.sort.${sort}`)}
              </Link>
            ))}
          </nav>
          <ul className="divide-y divide-neutral-200 rounded-2xl border border-neutral-200 bg-white">
            {page.reviews.map((r) => (
              <li key={r.id} className="space-y-2 p-4" data-testid="review">
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <Stars rating={r.rating} label={t('reviews.rated', { rating: r.rating })} />
                  <span className="font-semibold">{r.authorName}</span>
                  <time dateTime={r.createdAt.toISOString()} className="text-neutral-600">
                    {format.dateTime(r.createdAt, 'date')}
                  </time>
                </p>
                {r.body && <p className="whitespace-pre-line break-words">{r.body}</p>}
                {r.reply && (
                  <div className="rounded-lg bg-neutral-50 p-3 text-sm">
                    <p className="font-semibold">{t('reviews.reply', { brand: brandName })}</p>
                    <p className="whitespace-pre-line break-words">{r.reply}</p>
                  </div>
                )}
                {viewerId && viewerId !== r.authorId && (
                  <ReviewButtons productId={productId} reviewId={r.id} helpfulCount={r.helpfulCount} reasons={REPORT_REASONS} />
                )}
              </li>
            ))}
          </ul>
          {page.pageCount > 1 && (
            <nav aria-label={t('reviews.pages')} className="flex items-center justify-between gap-2 text-sm">
              {page.page > 1 ? (
                <Link href={link(page.sort, page.page - 1)} className="underline">
                  {t('reviews.previous')}
                </Link>
              ) : (
                <span />
              )}
              <span>{t('reviews.pageOf', { page: page.page, pages: page.pageCount })}</span>
              {page.page < page.pageCount ? (
                <Link href={link(page.sort, page.page + 1)} className="underline">
                  {t('reviews.next')}
                </Link>
              ) : (
                <span />
              )}
            </nav>
          )}
        </>
      )}
    </section>
  );
}
