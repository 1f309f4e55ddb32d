import Link from 'next/link';
import { EmptyState, inputClass, PageHeading, primaryButtonClass, secondaryButtonClass } from '@/app/_components/ui';
import { formatPrice } from '@/app/_lib/format';
import { listBrandProducts, type ProductListItem } from '@/server/domain/catalog-admin';
import { PRODUCT_STATUSES } from '@/server/domain/catalog-admin.schema';
import { orNotFound, productsPageContext, productsPath } from './brand-context';
import { StatusBadge, statusLabel } from './status-badge';

type SearchParams = { q?: string; status?: string; page?: string };

function priceRange(item: ProductListItem): string {
  if (item.minPriceMinor === null || item.maxPriceMinor === null) return 'No price';
  const low = formatPrice(item.minPriceMinor, item.currency);
  return item.minPriceMinor === item.maxPriceMinor ? low : `${low} – ${formatPrice(item.maxPriceMinor, item.currency)}`;
}

function pageHref(slug: string, params: SearchParams, page: number): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (params.status) query.set('status', params.status);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return productsPath(slug, text ? `?${text}` : '');
}

function ProductCard({ slug, item }: { slug: string; item: ProductListItem }) {
  return (
    <li className="relative flex gap-3 rounded-xl border border-neutral-200 bg-white p-3 focus-within:ring-2 focus-within:ring-brand-500 hover:border-neutral-300">
      <div className="size-16 shrink-0 overflow-hidden rounded-lg bg-neutral-100">{item.imageUrl && <img src={item.imageUrl} alt="" className="size-full object-cover" loading="lazy" />}</div>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          {/* The link covers the whole card, so the card is one tab stop and one tap target. */}
          <Link href={productsPath(slug, `/${item.id}`)} className="truncate font-semibold after:absolute after:inset-0 focus-visible:outline-none">
            {item.title}
          </Link>
          <StatusBadge status={item.status} />
        </div>
        <p className="mt-1 text-sm text-neutral-700">{priceRange(item)}</p>
        <p className="text-sm text-neutral-600">
          {item.variantCount} {item.variantCount === 1 ? 'variant' : 'variants'} · {item.totalStock} in stock
        </p>
      </div>
    </li>
  );
}

export default async function ProductsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const { slug } = await params;
  const query = await searchParams;
  const { db, actor } = await productsPageContext(slug);
  const list = await orNotFound(listBrandProducts(db, actor, slug, { q: query.q, status: query.status?.toUpperCase(), page: query.page }));
  const filtered = Boolean(query.q || query.status);

  return (
    <div className="space-y-6">
      <PageHeading
        title="Products"
        description={`${list.total} ${list.total === 1 ? 'product' : 'products'}${filtered ? ' match' : ''}`}
        actions={
          <>
            <Link href={productsPath(slug, '/new')} className={primaryButtonClass}>
              New product
            </Link>
            <Link href={productsPath(slug, '/import')} className={secondaryButtonClass}>
              Import CSV
            </Link>
            {/* A plain link: the route answers a file download, not a page. */}
            <a href={productsPath(slug, '/export')} className={secondaryButtonClass} download>
              Export CSV
            </a>
          </>
        }
      />

      <form method="get" action={productsPath(slug)} role="search" className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <div className="space-y-1">
          <label htmlFor="q" className="block text-sm font-medium">
            Search by title or SKU
          </label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ''} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="status-filter" className="block text-sm font-medium">
            Status
          </label>
          <select id="status-filter" name="status" defaultValue={query.status?.toUpperCase() ?? ''} className={inputClass}>
            <option value="">All statuses</option>
            {PRODUCT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {statusLabel(status)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={secondaryButtonClass}>
          Search
        </button>
      </form>

      {list.items.length === 0 ? (
        filtered ? (
          <EmptyState title="No products match">
            Try another search, or{' '}
            <Link href={productsPath(slug)} className="font-semibold text-brand-700 hover:underline">
              show all products
            </Link>
            .
          </EmptyState>
        ) : (
          <EmptyState title="No products yet">
            Add your first product, or import a catalog from a CSV file.
            <span className="mt-3 flex flex-wrap justify-center gap-2">
              <Link href={productsPath(slug, '/new')} className={primaryButtonClass}>
                New product
              </Link>
              <Link href={productsPath(slug, '/import')} className={secondaryButtonClass}>
                Import CSV
              </Link>
            </span>
          </EmptyState>
        )
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" aria-label="Products">
          {list.items.map((item) => (
            <ProductCard key={item.id} slug={slug} item={item} />
          ))}
        </ul>
      )}

      {list.pageCount > 1 && (
        <nav aria-label="Pages" className="flex items-center justify-between gap-3">
          {list.page > 1 ? (
            <Link href={pageHref(slug, query, list.page - 1)} className={secondaryButtonClass} rel="prev">
              Previous
            </Link>
          ) : (
            <span />
          )}
          <p className="text-sm text-neutral-600" aria-current="page">
            Page {list.page} of {list.pageCount}
          </p>
          {list.page < list.pageCount ? (
            <Link href={pageHref(slug, query, list.page + 1)} className={secondaryButtonClass} rel="next">
              Next
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}
