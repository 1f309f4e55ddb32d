import Link from 'next/link';
import { getI18n } from '@/app/_i18n/server';
import { PageHeading } from '@/app/_components/ui';
import { requireBrandMember } from '@/server/domain/brands';
import { saveProductAction } from '../actions';
import { orNotFound, productsPageContext, productsPath } from '../brand-context';
import { ProductForm } from '../product-form';

export default async function NewProductPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { db, actor } = await productsPageContext(slug, '/new');
  const brand = await orNotFound(requireBrandMember(db, actor, { slug }));
  const { t } = await getI18n();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={productsPath(slug)} className="text-brand-700 hover:underline">
          {t('dashboard.allProducts')}
        </Link>
      </p>
      <PageHeading title={t('dashboard.products.newProduct')} description={t('dashboard.products.newDescription')} />
      <ProductForm
        action={saveProductAction.bind(null, slug, null)}
        currency={brand.currency}
        submitLabel={t('dashboard.products.createProduct')}
        withImage
        initial={{
          title: '',
          description: '',
          status: 'DRAFT',
          variants: [{ name: t('dashboard.products.defaultVariantName'), sku: '', options: '', price: '', stock: '0', hasOrders: false }],
        }}
      />
    </div>
  );
}
