import { requireBrandMember } from '../brands';
import { storedOptions, takeSkuConflict } from './catalog-admin.support';
import { applyCatalogImport, planCatalogImport, type ImportPlan, type PlanAction } from './catalog-csv-plan';
import { CATALOG_COLUMNS, readCatalogRows, type ImportRowError } from './catalog-csv-rows';
import { formatMajorUnits, formatOptionsText } from './catalog-format';
import type { Actor, Db } from '../context';
import { parseCsv, writeCsv } from '../csv';
import { AppError } from '../errors';

export type { ImportRowError } from './catalog-csv-rows';

export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** The whole catalog, one row per variant, in the columns the import reads. */
export async function exportCatalogCsv(db: Db, actor: Actor, slug: string): Promise<string> {
  const access = await requireBrandMember(db, actor, { slug });
  const products = await db.product.findMany({
    where: { brandId: access.brandId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      title: true,
      description: true,
      status: true,
      imageUrl: true,
      variants: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { sku: true, name: true, options: true, priceMinor: true, currency: true, stock: true },
      },
    },
  });
  const rows = products.flatMap((p) =>
    p.variants.map((v) => [
      p.id,
      p.title,
      p.description,
      p.status.toLowerCase(),
      p.imageUrl ?? '',
      v.sku,
      v.name,
      formatOptionsText(storedOptions(v.options)),
      formatMajorUnits(v.priceMinor, v.currency),
      v.currency,
      String(v.stock),
    ]),
  );
  return writeCsv([[...CATALOG_COLUMNS], ...rows]);
}

export interface ImportPreviewLine {
  row: number;
  sku: string;
  productTitle: string;
  productAction: PlanAction;
  variantName: string;
  action: PlanAction;
  /** In major units, as written in the file. */
  price: string;
  stock: number;
}

export interface ImportCounts {
  productsCreated: number;
  productsUpdated: number;
  variantsCreated: number;
  variantsUpdated: number;
  unchanged: number;
}

export type ImportResult =
  { ok: true; applied: boolean; counts: ImportCounts; lines: ImportPreviewLine[] } | { ok: false; errors: ImportRowError[] };

function describePlan(plan: ImportPlan, currency: string): { counts: ImportCounts; lines: ImportPreviewLine[] } {
  const products = new Map(plan.products.map((p) => [p.key, p]));
  const count = <T extends { action: PlanAction }>(items: T[], action: PlanAction) => items.filter((i) => i.action === action).length;
  return {
    counts: {
      productsCreated: count(plan.products, 'create'),
      productsUpdated: count(plan.products, 'update'),
      variantsCreated: count(plan.variants, 'create'),
      variantsUpdated: count(plan.variants, 'update'),
      unchanged: count(plan.variants, 'unchanged'),
    },
    lines: plan.variants.map((v) => {
      const product = products.get(v.productKey)!;
      return {
        row: v.row,
        sku: v.sku,
        productTitle: product.title,
        productAction: product.action,
        variantName: v.name,
        action: v.action,
        price: formatMajorUnits(v.priceMinor, currency),
        stock: v.stock,
      };
    }),
  };
}

/**
 * Imports a catalog CSV. With `dryRun` it only answers what would change. Any
 * row error means nothing is written, and the answer lists every error; the
 * writes happen in one transaction that plans again on what it reads, so a
 * change made since the preview cannot be overwritten unseen.
 */
export async function importCatalogCsv(
  db: Db,
  actor: Actor,
  slug: string,
  csv: string,
  { dryRun }: { dryRun: boolean },
): Promise<ImportResult> {
  const access = await requireBrandMember(db, actor, { slug });
  if (Buffer.byteLength(csv, 'utf8') > MAX_IMPORT_BYTES) throw new AppError('CSV_TOO_LARGE', 'csv too large');
  const records = parseCsv(csv, { maxRecords: MAX_IMPORT_ROWS + 1 });
  const { rows, errors: rowErrors } = readCatalogRows(records, access.currency);
  if (rows.length === 0 && rowErrors.length === 0) throw new AppError('CSV_NO_ROWS', 'no data rows');

  const plan = async (reader: Parameters<typeof planCatalogImport>[0]) => {
    const planned = await planCatalogImport(reader, access.brandId, rows);
    planned.errors = [...rowErrors, ...planned.errors].sort((a, b) => a.row - b.row);
    return planned;
  };
  if (dryRun) {
    const planned = await plan(db);
    return planned.errors.length
      ? { ok: false, errors: planned.errors }
      : { ok: true, applied: false, ...describePlan(planned, access.currency) };
  }
  try {
    return await db.$transaction(
      async (tx) => {
        const planned = await plan(tx);
        if (planned.errors.length) return { ok: false, errors: planned.errors };
        await applyCatalogImport(tx, access.brandId, access.currency, planned);
        return { ok: true, applied: true, ...describePlan(planned, access.currency) };
      },
      // Thousands of rows take longer than Prisma's 5 s default.
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    throw takeSkuConflict(error);
  }
}
