import Link from 'next/link';
import { PageHeading } from '@/app/_components/ui';
import { requireBrandMember } from '@/server/domain/brand-access';
import { CATALOG_COLUMNS } from '@/server/domain/catalog-csv-rows';
import { orNotFound, productsPageContext, productsPath } from '../brand-context';
import { applyImportAction, previewImportAction } from './actions';
import { ImportForm } from './import-form';

export default async function ImportProductsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { db, actor } = await productsPageContext(slug, '/import');
  const brand = await orNotFound(requireBrandMember(db, actor, { slug }));
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={productsPath(slug)} className="text-brand-700 hover:underline">
          ← All products
        </Link>
      </p>
      <PageHeading title="Import products from CSV" description="Add new products and update existing ones in one go." />
      <details className="rounded-xl bg-neutral-50 p-4 text-sm">
        <summary className="cursor-pointer font-semibold">How the file should look</summary>
        <div className="mt-2 space-y-2 text-neutral-700">
          <p>
            The easiest start is an{' '}
            <a href={productsPath(slug, '/export')} className="font-semibold text-brand-700 hover:underline" download>
              exported catalog
            </a>
            . One row per variant, with these columns in the first row: <code className="break-words">{CATALOG_COLUMNS.join(', ')}</code>.
          </p>
          <ul className="list-disc space-y-1 pl-5">
            <li>A SKU already in your catalog updates that variant; a new SKU adds a variant.</li>
            <li>Leave product_id empty to create a product; rows with the same title become one product.</li>
            <li>Prices are in {brand.currency}, written like 12.50, without currency signs. Options look like Size=M;Colour=Red.</li>
            <li>Status is draft, active or archived. An empty description, status or image_url keeps what the product has.</li>
            <li>Variants missing from the file are left as they are.</li>
          </ul>
        </div>
      </details>
      <ImportForm previewAction={previewImportAction.bind(null, slug)} applyAction={applyImportAction.bind(null, slug)} productsHref={productsPath(slug)} />
    </div>
  );
}
