import Link from 'next/link';
import { getI18n } from '@/app/_i18n/server';
import type { MessageKey } from '@/app/_i18n/translate';
import { PageHeading } from '@/app/_components/ui';
import { getBrandProduct } from '@/server/domain/catalog';
import { formatMajorUnits, formatOptionsText } from '@/server/domain/catalog';
import { saveProductAction, setStatusAction, uploadImageAction } from '../actions';
import { orNotFound, productsPageContext, productsPath } from '../brand-context';
import { ProductForm } from '../product-form';
import { StatusBadge } from '../status-badge';
import { ImageForm } from './image-form';
import { StatusForm } from './status-form';
import { LOCALES } from '@/app/_i18n/locales';
import { getProductTranslations } from '@/server/domain/product-content';
import { saveTranslationAction } from './translation-actions';
import { TranslationForm } from './translation-forms';

const SAVED_MESSAGES: Partial<Record<string, MessageKey>> = {
  created: 'dashboard.products.saved.created',
  updated: 'dashboard.products.saved.updated',
  archived: 'dashboard.products.saved.archived',
  draft: 'dashboard.products.saved.draft',
  active: 'dashboard.products.saved.active',
};

export default async function EditProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; productId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const { slug, productId } = await params;
  const { saved } = await searchParams;
  const { db, actor } = await productsPageContext(slug, `/${productId}`);
  const [product, translations] = await Promise.all([
    orNotFound(getBrandProduct(db, actor, slug, productId)),
    orNotFound(getProductTranslations(db, actor, slug, productId)),
  ]);
  const { t } = await getI18n();
  const savedKey = saved ? SAVED_MESSAGES[saved] : undefined;
  const savedMessage = savedKey ? t(savedKey) : undefined;

  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href={productsPath(slug)} className="text-brand-700 hover:underline">
          {t('dashboard.allProducts')}
        </Link>
      </p>
      <PageHeading title={product.title} actions={<StatusBadge status={product.status} t={t} />} />
      {savedMessage && (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {savedMessage}
        </p>
      )}
      <section aria-labelledby="image-heading" className="space-y-3">
        <h2 id="image-heading" className="text-lg font-semibold">
          {t('dashboard.products.imageHeading')}
        </h2>
        <ImageForm
          key={product.imageUrl ?? 'none'}
          action={uploadImageAction.bind(null, slug, product.id)}
          currentUrl={product.imageUrl}
          title={product.title}
        />
      </section>
      <section aria-labelledby="details-heading" className="space-y-3">
        <h2 id="details-heading" className="text-lg font-semibold">
          {t('dashboard.products.detailsHeading')}
        </h2>
        {/* Keyed by the last change so a save (which redirects back here) shows the stored variants, ids included. */}
        <ProductForm
          key={product.updatedAt}
          action={saveProductAction.bind(null, slug, product.id)}
          currency={product.currency}
          submitLabel={t('dashboard.form.saveChanges')}
          initial={{
            title: product.title,
            description: product.description,
            status: product.status,
            variants: product.variants.map((v) => ({
              id: v.id,
              name: v.name,
              sku: v.sku,
              options: formatOptionsText(v.options).replaceAll(';', '; '),
              price: formatMajorUnits(v.priceMinor, product.currency),
              stock: String(v.stock),
              hasOrders: v.hasOrders,
              heldForWaitlist: v.heldForWaitlist,
            })),
          }}
        />
      </section>
      <section aria-labelledby="translations-heading" className="space-y-3">
        <h2 id="translations-heading" className="text-lg font-semibold">
          {t('support.translations.heading')}
        </h2>
        <p className="text-sm text-neutral-600">{t('support.translations.intro')}</p>
        {LOCALES.map((locale) => (
          <TranslationForm
            key={`${locale}-${product.updatedAt}`}
            action={saveTranslationAction.bind(null, slug, product.id)}
            locale={locale}
            initial={translations.byLocale[locale]}
            variants={translations.variants}
          />
        ))}
      </section>
      <section aria-labelledby="archive-heading" className="space-y-3 border-t border-neutral-200 pt-6">
        <h2 id="archive-heading" className="text-lg font-semibold">
          {t(product.status === 'ARCHIVED' ? 'dashboard.products.archivedHeading' : 'dashboard.products.archiveHeading')}
        </h2>
        <StatusForm key={product.status} action={setStatusAction.bind(null, slug, product.id)} archived={product.status === 'ARCHIVED'} />
      </section>
    </div>
  );
}
