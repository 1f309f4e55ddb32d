import Link from 'next/link';
import { rich } from '@/app/_i18n/rich';
import { getI18n } from '@/app/_i18n/server';
import type { Translate } from '@/app/_i18n/translate';
import { EmptyState, inputClass, PageHeading, primaryButtonClass, secondaryButtonClass } from '@/app/_components/ui';
import { formatPrice } from '@/app/_lib/format';
import { listBrandProducts, type ProductListItem } from '@/server/domain/catalog';
import { PRODUCT_STATUSES } from '@/server/domain/catalog';
import { orNotFound, productsPageContext, productsPath } from './brand-context';
import { StatusBadge, statusLabel } from './status-badge';

type SearchParams = { q?: string; status?: string; page?: string };

function priceRange(item: ProductListItem, t: Translate, intl: string): string {
  if (item.minPriceMinor === null || item.maxPriceMinor === null) return t('dashboard.products.noPrice');
  const low = formatPrice(item.minPriceMinor, item.currency, intl);
  return item.minPriceMinor === item.maxPriceMinor ? low : `${low} – ${formatPrice(item.maxPriceMinor, item.currency, intl)}`;
}

function pageHref(slug: string, params: SearchParams, page: number): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (params.status) query.set('status', params.status);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return productsPath(slug, text ? `?${text}` : '');
}

function ProductCard({ slug, item, t, intl }: { slug: string; item: ProductListItem; t: Translate; intl: string }) {
  return (
    <li className="relative flex gap-3 rounded-xl border border-neutral-200 bg-white p-3 focus-within:ring-2 focus-within:ring-brand-500 hover:border-neutral-300">
      <div className="size-16 shrink-0 overflow-hidden rounded-lg bg-neutral-100">
        {item.imageUrl && <img src={item.imageUrl} alt="" className="size-full object-cover" loading="lazy" />}
      </div>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          {/* The link covers the whole card, so the card is one tab stop and one tap target. */}
          <Link
            href={productsPath(slug, `/${item.id}`)}
            className="truncate font-semibold after:absolute after:inset-0 focus-visible:outline-none"
          >
            {item.title}
          </Link>
          <StatusBadge status={item.status} t={t} />
        </div>
        <p className="mt-1 text-sm text-neutral-700">{priceRange(item, t, intl)}</p>
        <p className="text-sm text-neutral-600">
          {t('dashboard.products.variants', { count: item.variantCount })} · {t('dashboard.products.inStock', { count: item.totalStock })}
        </p>
      </div>
    </li>
  );
}

export default async function ProductsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const query = await searchParams;
  const { db, actor } = await productsPageContext(slug);
  const list = await orNotFound(listBrandProducts(db, actor, slug, { q: query.q, status: query.status?.toUpperCase(), page: query.page }));
  const filtered = Boolean(query.q || query.status);
  const { t, intl } = await getI18n();

  return (
    <div className="space-y-6">
      <PageHeading
        title={t('dashboard.products.title')}
        description={t(filtered ? 'dashboard.products.countMatching' : 'dashboard.products.count', { count: list.total })}
        actions={
          <>
            <Link href={productsPath(slug, '/new')} className={primaryButtonClass}>
              {t('dashboard.products.newProduct')}
            </Link>
            <Link href={productsPath(slug, '/import')} className={secondaryButtonClass}>
              {t('dashboard.products.importCsv')}
            </Link>
            {/* A plain link: the route answers a file download, not a page. */}
            <a href={productsPath(slug, '/export')} className={secondaryButtonClass} download>
              {t('dashboard.products.exportCsv')}
            </a>
          </>
        }
      />

      <form method="get" action={productsPath(slug)} role="search" className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <div className="space-y-1">
          <label htmlFor="q" className="block text-sm font-medium">
            {t('dashboard.products.searchLabel')}
          </label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ''} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="status-filter" className="block text-sm font-medium">
            {t('dashboard.products.statusFilter')}
          </label>
          <select id="status-filter" name="status" defaultValue={query.status?.toUpperCase() ?? ''} className={inputClass}>
            <option value="">{t('dashboard.products.allStatuses')}</option>
            {PRODUCT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {statusLabel(status, t)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={secondaryButtonClass}>
          {t('dashboard.products.search')}
        </button>
      </form>

      {list.items.length === 0 ? (
        filtered ? (
          <EmptyState title={t('dashboard.products.noMatchTitle')}>
            {rich(t('dashboard.products.noMatchBody'), {
              link: (
                <Link href={productsPath(slug)} className="font-semibold text-brand-700 hover:underline">
                  {t('dashboard.products.showAll')}
                </Link>
              ),
            })}
          </EmptyState>
        ) : (
          <EmptyState title={t('dashboard.products.emptyTitle')}>
            {t('dashboard.products.emptyBody')}
            <span className="mt-3 flex flex-wrap justify-center gap-2">
              <Link href={productsPath(slug, '/new')} className={primaryButtonClass}>
                {t('dashboard.products.newProduct')}
              </Link>
              <Link href={productsPath(slug, '/import')} className={secondaryButtonClass}>
                {t('dashboard.products.importCsv')}
              </Link>
            </span>
          </EmptyState>
        )
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" aria-label={t('dashboard.products.listLabel')}>
          {list.items.map((item) => (
            <ProductCard key={item.id} slug={slug} item={item} t={t} intl={intl} />
          ))}
        </ul>
      )}

      {list.pageCount > 1 && (
        <nav aria-label={t('dashboard.products.pagesLabel')} className="flex items-center justify-between gap-3">
          {list.page > 1 ? (
            <Link href={pageHref(slug, query, list.page - 1)} className={secondaryButtonClass} rel="prev">
              {t('dashboard.products.previous')}
            </Link>
          ) : (
            <span />
          )}
          <p className="text-sm text-neutral-600" aria-current="page">
            {t('dashboard.products.pageOf', { page: list.page, pages: list.pageCount })}
          </p>
          {list.page < list.pageCount ? (
            <Link href={pageHref(slug, query, list.page + 1)} className={secondaryButtonClass} rel="next">
              {t('dashboard.products.next')}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}
