import Link from 'next/link';
import { rich } from '@/app/_i18n/rich';
import { getI18n } from '@/app/_i18n/server';
import { PageHeading } from '@/app/_components/ui';
import { requireBrandMember } from '@/server/domain/brands';
import { CATALOG_COLUMNS } from '@/server/domain/catalog';
import { orNotFound, productsPageContext, productsPath } from '../brand-context';
import { applyImportAction, previewImportAction } from './actions';
import { ImportForm } from './import-form';

export default async function ImportProductsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { db, actor } = await productsPageContext(slug, '/import');
  const brand = await orNotFound(requireBrandMember(db, actor, { slug }));
  const { t } = await getI18n();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={productsPath(slug)} className="text-brand-700 hover:underline">
          {t('dashboard.allProducts')}
        </Link>
      </p>
      <PageHeading title={t('dashboard.csvImport.title')} description={t('dashboard.csvImport.description')} />
      <details className="rounded-xl bg-neutral-50 p-4 text-sm">
        <summary className="cursor-pointer font-semibold">{t('dashboard.csvImport.howTitle')}</summary>
        <div className="mt-2 space-y-2 text-neutral-700">
          <p>
            {rich(t('dashboard.csvImport.howStart'), {
              link: (
                <a href={productsPath(slug, '/export')} className="font-semibold text-brand-700 hover:underline" download>
                  {t('dashboard.csvImport.exportedCatalog')}
                </a>
              ),
              columns: <code className="break-words">{CATALOG_COLUMNS.join(', ')}</code>,
            })}
          </p>
          <ul className="list-disc space-y-1 pl-5">
            <li>{t('dashboard.csvImport.ruleSku')}</li>
            <li>{t('dashboard.csvImport.ruleProductId')}</li>
            <li>{t('dashboard.csvImport.rulePrices', { currency: brand.currency })}</li>
            <li>{t('dashboard.csvImport.ruleStatus')}</li>
            <li>{t('dashboard.csvImport.ruleMissing')}</li>
          </ul>
        </div>
      </details>
      <ImportForm
        previewAction={previewImportAction.bind(null, slug)}
        applyAction={applyImportAction.bind(null, slug)}
        productsHref={productsPath(slug)}
      />
    </div>
  );
}
