import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { search } from '@/server/domain/discovery';
import { normaliseSearchQuery } from '@/server/domain/discovery';
import { currentUser } from '@/server/auth/session';
import { services } from '@/server/services';
import { formatPrice } from '../_lib/format';
import { SearchBox } from '../_components/search-box';
import { ShowGrid } from '../_components/show-card';
import { SiteHeader } from '../_components/site-header';
import { EmptyState } from '../_components/ui';
import { getI18n } from '@/app/_i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('discovery.search.title') };
}

function Group({ id, title, count, children }: { id: string; title: string; count: number; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-lg font-bold">
        {title} <span className="font-normal text-neutral-600">({count})</span>
      </h2>
      {children}
    </section>
  );
}

const listClass = 'divide-y divide-neutral-200 rounded-2xl border border-neutral-200 bg-white';
const rowLinkClass = 'flex items-center gap-3 px-4 py-3 hover:bg-neutral-50 focus-visible:outline-2 focus-visible:outline-brand-500';

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const { q } = await searchParams;
  const query = normaliseSearchQuery(Array.isArray(q) ? q[0] : q);
  const [user, { t, intl, locale }] = await Promise.all([currentUser(), getI18n()]);
  const results = await search(services().db, query, locale);
  const total = results.shows.length + results.products.length + results.hosts.length + results.brands.length;
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-5xl space-y-8 px-4 py-8">
        <h1 className="text-2xl font-bold tracking-tight">
          {query ? t('discovery.search.resultsFor', { query }) : t('discovery.search.title')}
        </h1>
        <SearchBox defaultValue={query} />
        {!query ? (
          <EmptyState title={t('discovery.search.emptyTitle')}>{t('discovery.search.emptyBody')}</EmptyState>
        ) : total === 0 ? (
          <EmptyState title={t('discovery.search.noneTitle', { query })}>{t('discovery.search.noneBody')}</EmptyState>
        ) : (
          <>
            <Group id="shows" title={t('discovery.search.shows')} count={results.shows.length}>
              <ShowGrid shows={results.shows} viewerId={user?.id} empty="" />
            </Group>
            <Group id="products" title={t('discovery.search.products')} count={results.products.length}>
              <ul className={listClass}>
                {results.products.map((p) => {
                  const cheapest = p.variants[0];
                  return (
                    <li key={p.id}>
                      <Link href={`/products/${p.id}`} className={rowLinkClass}>
                        {p.imageUrl ? (
                          <img src={p.imageUrl} alt="" width={48} height={48} className="h-12 w-12 rounded-lg object-cover" />
                        ) : (
                          <span aria-hidden="true" className="h-12 w-12 rounded-lg bg-neutral-200" />
                        )}
                        <span className="flex-1">
                          <span className="block font-semibold">{p.title}</span>
                          <span className="block text-sm text-neutral-600">{p.brand.name}</span>
                        </span>
                        {cheapest && (
                          <span className="text-sm font-medium">{formatPrice(cheapest.priceMinor, cheapest.currency, intl)}</span>
                        )}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </Group>
            <Group id="hosts" title={t('discovery.search.hosts')} count={results.hosts.length}>
              <ul className={listClass}>
                {results.hosts.map((h) => (
                  <li key={h.id}>
                    <Link href={`/hosts/${h.handle}`} className={rowLinkClass}>
                      <span className="font-semibold">{h.name}</span>
                      <span className="text-sm text-neutral-600">@{h.handle}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </Group>
            <Group id="brands" title={t('discovery.search.brands')} count={results.brands.length}>
              <ul className={listClass}>
                {results.brands.map((b) => (
                  <li key={b.id}>
                    <Link href={`/brands/${b.slug}`} className={rowLinkClass}>
                      <span className="font-semibold">{b.name}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </Group>
          </>
        )}
      </main>
    </>
  );
}
