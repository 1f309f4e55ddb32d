import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState, PageHeading } from '@/app/_components/ui';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { listBrandReviews, MODERATION_FILTERS, type ModerationFilter } from '@/server/domain/reviews';
import { services } from '@/server/services';
import { ModerationForms } from './moderation-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('reviews.moderation.title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The brand's reviews: the queue (held by reports or reported since the last decision), hidden ones, or all. */
export default async function BrandReviewsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Search }) {
  const { slug } = await params;
  const asked = String((await searchParams).filter);
  const filter: ModerationFilter = (MODERATION_FILTERS as readonly string[]).includes(asked) ? (asked as ModerationFilter) : 'queue';
  const user = await requirePageUser(`/dashboard/brands/${slug}/reviews`);
  const rows = await orNotFound(listBrandReviews(services().db, { userId: user.id, name: user.name }, slug, filter));
  const { t, format } = await getI18n();
  const base = `/dashboard/brands/${slug}/reviews`;
  return (
    <div className="space-y-6">
      <PageHeading title={t('reviews.moderation.title')} />
      <nav aria-label={t('reviews.moderation.filters')} className="flex flex-wrap gap-2">
        {MODERATION_FILTERS.map((f) => (
          <Link
            key={f}
            href={`${base}?filter=${f}`}
            aria-current={f === filter ? 'page' : undefined}
            className="rounded-full border border-neutral-300 px-3 py-1.5 text-sm font-semibold aria-[current=page]:bg-ink aria-[current=page]:text-white"
          >
            {t(`reviews.moderation.filter.${f}`)}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState title={t('reviews.moderation.empty')} />
      ) : (
        <ul className="space-y-4">
          {rows.map((r) => (
            <li key={r.id} className="space-y-2 rounded-xl border border-neutral-200 bg-white p-4" data-testid="moderation-review">
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <span className="text-amber-500" role="img" aria-label={t('reviews.rated', { rating: r.rating })}>
                  {'★'.repeat(r.rating)}
                </span>
                <span className="rounded-full bg-neutral-100 px-2 py-0.5 text-xs font-bold">
                  {t(`reviews.moderation.status.${r.status}`)}
                </span>
                <span>{t('reviews.moderation.by', { name: r.authorName, product: r.productTitle })}</span>
                <time dateTime={r.createdAt.toISOString()} className="text-neutral-600">
                  {format.dateTime(r.createdAt, 'date')}
                </time>
              </p>
              {r.body && <p className="whitespace-pre-line break-words">{r.body}</p>}
              {r.openReports > 0 && (
                <p className="text-sm text-red-800">
                  {t('reviews.moderation.reports', {
                    count: r.openReports,
                    reasons: r.reportReasons.map((reason) => t(`reviews.reason.${reason}`)).join(', '),
                  })}
                </p>
              )}
              {r.hiddenReason && (
                <p className="text-sm text-neutral-600">{t('reviews.moderation.hiddenReason', { reason: r.hiddenReason })}</p>
              )}
              {r.reply && <p className="text-sm text-neutral-600">{t('reviews.moderation.replied', { reply: r.reply })}</p>}
              <ModerationForms slug={slug} reviewId={r.id} hidden={r.status !== 'PUBLISHED'} canReply={r.reply === null} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
