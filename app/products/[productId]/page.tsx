import type { Metadata } from 'next';
import Link from 'next/link';
import { productLd, productPage } from '@/server/domain/seo';
import { listProductReviews, reviewEligibility } from '@/server/domain/reviews';
import { type WaitlistState, waitlistStates } from '@/server/domain/waitlist';
import { currentUser } from '@/server/auth/session';
import { services } from '@/server/services';
import { formatPrice } from '../../_lib/format';
import { absoluteUrl, pageAlternates, sharingCards } from '../../_lib/seo';
import { JsonLd } from '../../_components/json-ld';
import { ShowGrid } from '../../_components/show-card';
import { SiteHeader } from '../../_components/site-header';
import { orNotFound } from '../../_lib/not-found-as-404';
import { getI18n, getLocale } from '@/app/_i18n/server';
import { NotifyMeButton } from '../../brands/[slug]/notify-me-button';
import { ReviewsSection } from './reviews-section';

const load = async (params: Promise<{ productId: string }>) =>
  orNotFound(productPage(services().db, (await params).productId, await getLocale()));

export async function generateMetadata({ params }: { params: Promise<{ productId: string }> }): Promise<Metadata> {
  const [{ product }, { t }] = await Promise.all([load(params), getI18n()]);
  const description = product.description || t('discovery.product.description', { product: product.title, brand: product.brand.name });
  const path = `/products/${product.id}`;
  return {
    title: `${product.title} · ${product.brand.name}`,
    description,
    alternates: pageAlternates(path),
    ...sharingCards({ title: product.title, description, path, image: product.imageUrl ?? '/poster.svg' }),
  };
}

/** A product's own page: what it is and costs, and the shows that sell it (search hits on products land here). */
export default async function ProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ productId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ product, liveAndUpcoming, replays }, user, query] = await Promise.all([load(params), currentUser(), searchParams]);
  const { t, intl } = await getI18n();
  const db = services().db;
  const soldOutIds = product.variants.filter((v) => v.stock <= 0).map((v) => v.id);
  const [waitlist, reviews, eligibility] = await Promise.all([
    user ? waitlistStates(db, user.id, soldOutIds) : new Map<string, WaitlistState>(),
    listProductReviews(db, product.id, { sort: query.sort, page: query.page }),
    user ? reviewEligibility(db, { userId: user.id, name: user.name }, product.id) : null,
  ]);
  const path = `/products/${product.id}`;
  const ratings = reviews.summary && { ...reviews.summary, reviews: reviews.reviews };
  return (
    <>
      <SiteHeader />
      <JsonLd data={productLd(product, absoluteUrl(path), product.imageUrl && absoluteUrl(product.imageUrl), ratings)} />
      <main className="mx-auto max-w-5xl space-y-8 px-4 py-8">
        <article className="grid gap-6 md:grid-cols-[minmax(0,20rem)_1fr]">
          {product.imageUrl ? (
            <img src={product.imageUrl} alt="" width={640} height={640} className="aspect-square w-full rounded-2xl object-cover" />
          ) : (
            <span aria-hidden="true" className="block aspect-square w-full rounded-2xl bg-neutral-200" />
          )}
          <div className="min-w-0 space-y-4">
            <header>
              <h1 className="text-2xl font-bold tracking-tight">{product.title}</h1>
              <p className="text-neutral-600">
                <Link href={`/brands/${product.brand.slug}`} className="underline">
                  {t('discovery.product.by', { brand: product.brand.name })}
                </Link>
              </p>
            </header>
            {product.description && <p className="max-w-prose whitespace-pre-line">{product.description}</p>}
            <section aria-labelledby="options-heading" className="space-y-2">
              <h2 id="options-heading" className="text-sm font-semibold uppercase tracking-wide text-neutral-500">
                {t('discovery.product.options')}
              </h2>
              <ul className="divide-y divide-neutral-200 rounded-2xl border border-neutral-200 bg-white">
                {product.variants.map((v) => (
                  <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3" data-testid="product-option">
                    <span className="font-medium">{v.name}</span>
                    <span className="flex items-center gap-3">
                      <span className="font-semibold">{formatPrice(v.priceMinor, v.currency, intl)}</span>
                      <span className={v.stock > 0 ? 'text-sm text-green-800' : 'text-sm text-red-700'}>
                        {t(v.stock > 0 ? 'discovery.product.inStock' : 'discovery.product.soldOut')}
                      </span>
                    </span>
                    {v.stock <= 0 && (
                      <NotifyMeButton
                        variantId={v.id}
                        product={product.title}
                        variant={v.name}
                        initial={waitlist.get(v.id) ?? null}
                        signedIn={user !== null}
                        returnTo={path}
                      />
                    )}
                  </li>
                ))}
              </ul>
            </section>
          </div>
        </article>
        <ReviewsSection
          productId={product.id}
          brandName={product.brand.name}
          page={reviews}
          eligibility={eligibility}
          viewerId={user?.id ?? null}
        />
        <section aria-labelledby="shows-heading" className="space-y-3">
          <h2 id="shows-heading" className="text-xl font-bold">
            {t('discovery.product.liveAndUpcoming')}
          </h2>
          <ShowGrid
            shows={liveAndUpcoming}
            viewerId={user?.id}
            empty={t('discovery.product.noShows', { product: product.title, brand: product.brand.name })}
          />
        </section>
        <section aria-labelledby="replays-heading" className="space-y-3">
          <h2 id="replays-heading" className="text-xl font-bold">
            {t('discovery.product.replays')}
          </h2>
          <ShowGrid shows={replays} viewerId={user?.id} empty={t('discovery.product.noReplays', { product: product.title })} />
        </section>
        <p>
          <Link href={`/brands/${product.brand.slug}`} className="font-semibold text-brand-700 underline">
            {t('discovery.product.seeBrand', { brand: product.brand.name })}
          </Link>
        </p>
      </main>
    </>
  );
}
