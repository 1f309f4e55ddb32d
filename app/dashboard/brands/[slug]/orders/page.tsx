import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState, inputClass, PageHeading, primaryButtonClass, secondaryButtonClass } from '@/app/_components/ui';
import { itemsLine } from '@/app/account/orders/order-parts';
import { statusLabels } from '@/server/domain/orders';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { formatPrice } from '@/app/_lib/format';
import { listBrandOrders, listBrandOrderShows, type BrandOrderFilters } from '@/server/domain/orders';
import { ORDER_STATUS_VALUES } from '@/server/domain/orders';
import { services } from '@/server/services';
import { BulkOrders, type OrderRowView } from './bulk-orders';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('orders.brand.title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

function query(filters: Omit<BrandOrderFilters, 'page'>, page?: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, String(value));
  if (page && page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export default async function BrandOrdersPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Search }) {
  const { slug } = await params;
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const user = await requirePageUser(`/dashboard/brands/${slug}/orders`);
  const actor = { userId: user.id, name: user.name };
  const db = services().db;
  const [list, shows] = await Promise.all([
    orNotFound(listBrandOrders(db, actor, slug, raw)),
    orNotFound(listBrandOrderShows(db, actor, slug)),
  ]);
  const { t, intl } = await getI18n();
  const { page: _page, ...filters } = list.filters;
  const filtered = Object.values(filters).some(Boolean);
  const base = `/dashboard/brands/${slug}/orders`;
  const rows: OrderRowView[] = list.orders.map((o) => ({
    id: o.id,
    number: o.number,
    status: o.status,
    statusLabel: [
      ...statusLabels(o).map((label) => t(`orders.status.${label}`)),
      ...(o.returnRequested ? [t('support.inbox.returnRequested')] : []),
    ].join(' · '),
    items: itemsLine(o.items, t),
    buyer: o.buyerName,
    show: o.showTitle,
    placedIso: o.createdAt.toISOString(),
    total: formatPrice(o.totalMinor, o.currency, intl),
  }));

  return (
    <div className="space-y-6">
      <PageHeading
        title={t('orders.brand.title')}
        description={t('orders.brand.count', { count: list.total })}
        actions={
          <a href={`${base}/export${query(filters)}`} className={secondaryButtonClass} download>
            {t('orders.brand.export')}
          </a>
        }
      />
      <form
        method="get"
        action={base}
        className="grid gap-3 rounded-2xl border border-neutral-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3"
        aria-label={t('orders.brand.filters.label')}
      >
        <div className="space-y-1">
          <label htmlFor="f-q" className="block text-sm font-medium">
            {t('orders.brand.filters.search')}
          </label>
          <input
            id="f-q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ''}
            placeholder={t('orders.brand.filters.searchPlaceholder')}
            className={inputClass}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="f-status" className="block text-sm font-medium">
            {t('orders.brand.filters.status')}
          </label>
          <select id="f-status" name="status" defaultValue={filters.status ?? ''} className={inputClass}>
            <option value="">{t('orders.brand.filters.anyStatus')}</option>
            {ORDER_STATUS_VALUES.map((s) => (
              <option key={s} value={s}>
                {t(`orders.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="f-show" className="block text-sm font-medium">
            {t('orders.brand.filters.show')}
          </label>
          <select id="f-show" name="show" defaultValue={filters.show ?? ''} className={inputClass}>
            <option value="">{t('orders.brand.filters.anyShow')}</option>
            {shows.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="f-from" className="block text-sm font-medium">
            {t('orders.brand.filters.from')}
          </label>
          <input id="f-from" name="from" type="date" defaultValue={filters.from ?? ''} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="f-to" className="block text-sm font-medium">
            {t('orders.brand.filters.to')}
          </label>
          <input id="f-to" name="to" type="date" defaultValue={filters.to ?? ''} className={inputClass} />
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className={primaryButtonClass}>
            {t('orders.brand.filters.apply')}
          </button>
          {filtered && (
            <Link href={base} className={secondaryButtonClass}>
              {t('orders.brand.filters.clear')}
            </Link>
          )}
        </div>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={filtered ? t('orders.brand.emptyFilteredTitle') : t('orders.brand.emptyTitle')}>
          {filtered ? t('orders.brand.emptyFilteredBody') : t('orders.brand.emptyBody')}
        </EmptyState>
      ) : (
        <BulkOrders slug={slug} rows={rows} />
      )}
      {list.pageCount > 1 && (
        <nav aria-label={t('orders.brand.pages.label')} className="flex items-center justify-between gap-3 text-sm">
          {list.page > 1 ? (
            <Link href={`${base}${query(filters, list.page - 1)}`} className="font-semibold text-brand-700 underline">
              {t('orders.brand.pages.previous')}
            </Link>
          ) : (
            <span />
          )}
          <span>{t('orders.brand.pages.position', { page: list.page, count: list.pageCount })}</span>
          {list.page < list.pageCount ? (
            <Link href={`${base}${query(filters, list.page + 1)}`} className="font-semibold text-brand-700 underline">
              {t('orders.brand.pages.next')}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}
