import Link from 'next/link';
import { PageHeading } from '@/app/_components/ui';
import { requireBrandMember } from '@/server/domain/brand-access';
import { saveProductAction } from '../actions';
import { orNotFound, productsPageContext, productsPath } from '../brand-context';
import { ProductForm } from '../product-form';

export default async function NewProductPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { db, actor } = await productsPageContext(slug, '/new');
  const brand = await orNotFound(requireBrandMember(db, actor, { slug }));
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={productsPath(slug)} className="text-brand-700 hover:underline">
          ← All products
        </Link>
      </p>
      <PageHeading title="New product" description="Products start as drafts; make one active when it is ready to sell." />
      <ProductForm
        action={saveProductAction.bind(null, slug, null)}
        currency={brand.currency}
        submitLabel="Create product"
        initial={{ title: '', description: '', status: 'DRAFT', variants: [{ name: 'Default', sku: '', options: '', price: '', stock: '0', hasOrders: false }] }}
      />
    </div>
  );
}
