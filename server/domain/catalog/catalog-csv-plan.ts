import type { ProductStatus } from './catalog-admin.schema';
import { storedOptions, setStockInTransaction, type CatalogDb } from './catalog-admin.support';
import { recordProductUpdated } from './catalog';
import { rowError, rowProblem, type CatalogRow, type ImportRowError, type RowProblem } from './catalog-csv-rows';
import { formatOptionsText, type VariantOptions } from './catalog-format';

// Decides what an import would do, from the checked rows and what the brand
// already has, then (separately) does it. Rows are matched by SKU: a known SKU
// updates its variant, a new one is added to the product named by product_id,
// or to a new product per distinct title when product_id is empty. Variants not
// in the file are left as they are.

export type PlanAction = 'create' | 'update' | 'unchanged';

export interface PlannedProduct {
  key: string;
  id: string | null;
  title: string;
  description: string;
  status: ProductStatus;
  imageUrl: string | null;
  action: PlanAction;
}

export interface PlannedVariant {
  row: number;
  sku: string;
  productKey: string;
  id: string | null;
  name: string;
  options: VariantOptions;
  priceMinor: number;
  stock: number;
  action: PlanAction;
  stockChanged: boolean;
  /** Name, options or price of an existing variant differ (a stock-only change is not a product update). */
  fieldsChanged: boolean;
}

export interface ImportPlan {
  products: PlannedProduct[];
  variants: PlannedVariant[];
  errors: ImportRowError[];
}

type ProductFields = Pick<CatalogRow, 'title' | 'description' | 'status' | 'imageUrl'> & { firstRow: number };

const PRODUCT_FIELD_LABELS = { title: 'title', description: 'description', status: 'status', imageUrl: 'image_url' } as const;

/** The product-level cells of a row must agree with the product's earlier rows; empty cells agree with anything. */
function mergeProductFields(group: ProductFields, row: CatalogRow): RowProblem[] {
  const clashes: RowProblem[] = [];
  for (const field of Object.keys(PRODUCT_FIELD_LABELS) as (keyof typeof PRODUCT_FIELD_LABELS)[]) {
    const value = row[field];
    const label = PRODUCT_FIELD_LABELS[field];
    if (value === null) continue;
    if (group[field] === null) Object.assign(group, { [field]: value });
    else if (group[field] !== value) clashes.push(rowProblem('CSV_PRODUCT_FIELD_CLASH', { row: group.firstRow, column: label }));
  }
  return clashes;
}

export async function planCatalogImport(db: CatalogDb, brandId: string, rows: CatalogRow[]): Promise<ImportPlan> {
  const errors: ImportRowError[] = [];
  const productSelect = { id: true, title: true, description: true, status: true, imageUrl: true } as const;
  const knownVariants = await db.productVariant.findMany({
    where: { sku: { in: rows.map((r) => r.sku) } },
    select: {
      id: true,
      sku: true,
      name: true,
      options: true,
      priceMinor: true,
      stock: true,
      productId: true,
      product: { select: { ...productSelect, brandId: true } },
    },
  });
  const variantsBySku = new Map(knownVariants.map((v) => [v.sku, v]));
  const namedProducts = await db.product.findMany({
    where: { brandId, id: { in: rows.flatMap((r) => (r.productId ? [r.productId] : [])) } },
    select: productSelect,
  });
  const existingProducts = new Map(namedProducts.map((p) => [p.id, p]));
  for (const v of knownVariants) if (v.product.brandId === brandId) existingProducts.set(v.product.id, v.product);

  const groups = new Map<string, ProductFields>();
  const variants: PlannedVariant[] = [];
  for (const row of rows) {
    const fail = (problem: RowProblem) => errors.push(rowError(row.row, row.sku, problem));
    const known = variantsBySku.get(row.sku);
    let productKey: string;
    if (known && known.product.brandId !== brandId) {
      fail(rowProblem('CSV_SKU_OUTSIDE', { sku: row.sku }));
      continue;
    } else if (known) {
      if (row.productId && row.productId !== known.productId) {
        fail(rowProblem('CSV_SKU_OTHER_PRODUCT', { sku: row.sku, product: known.productId, given: row.productId }));
        continue;
      }
      productKey = known.productId;
    } else if (row.productId) {
      if (!existingProducts.has(row.productId)) {
        fail(rowProblem('CSV_PRODUCT_UNKNOWN', { product: row.productId }));
        continue;
      }
      productKey = row.productId;
    } else {
      productKey = `new:${row.title.toLowerCase()}`;
    }

    const group = groups.get(productKey);
    if (!group)
      groups.set(productKey, {
        title: row.title,
        description: row.description,
        status: row.status,
        imageUrl: row.imageUrl,
        firstRow: row.row,
      });
    else mergeProductFields(group, row).forEach(fail);

    const unchanged =
      known &&
      known.name === row.variantName &&
      formatOptionsText(storedOptions(known.options)) === formatOptionsText(row.options) &&
      known.priceMinor === row.priceMinor;
    const stockChanged = !!known && known.stock !== row.stock;
    variants.push({
      row: row.row,
      sku: row.sku,
      productKey,
      id: known?.id ?? null,
      name: row.variantName,
      options: row.options,
      priceMinor: row.priceMinor,
      stock: row.stock,
      action: !known ? 'create' : unchanged && !stockChanged ? 'unchanged' : 'update',
      stockChanged,
      fieldsChanged: !!known && !unchanged,
    });
  }

  const products = [...groups].map(([key, fields]): PlannedProduct => {
    const existing = existingProducts.get(key);
    if (!existing)
      return {
        key,
        id: null,
        title: fields.title,
        description: fields.description ?? '',
        status: fields.status ?? 'DRAFT',
        imageUrl: fields.imageUrl,
        action: 'create',
      };
    const next = {
      title: fields.title,
      description: fields.description ?? existing.description,
      status: fields.status ?? existing.status,
      imageUrl: fields.imageUrl ?? existing.imageUrl,
    };
    const same =
      next.title === existing.title &&
      next.description === existing.description &&
      next.status === existing.status &&
      next.imageUrl === existing.imageUrl;
    return { key, id: existing.id, ...next, action: same ? 'unchanged' : 'update' };
  });
  errors.sort((a, b) => a.row - b.row);
  return { products, variants, errors };
}

/** Writes a plan that has no errors. Runs inside the import's transaction. */
export async function applyCatalogImport(tx: CatalogDb, brandId: string, currency: string, plan: ImportPlan): Promise<void> {
  const productIds = new Map<string, string>();
  for (const product of plan.products) {
    const data = { title: product.title, description: product.description, status: product.status, imageUrl: product.imageUrl };
    if (product.id) {
      productIds.set(product.key, product.id);
      if (product.action === 'update') await tx.product.update({ where: { id: product.id }, data: { ...data, updatedAt: new Date() } });
    } else {
      const created = await tx.product.create({ data: { ...data, brandId }, select: { id: true } });
      productIds.set(product.key, created.id);
    }
  }
  const creates = plan.variants.filter((v) => v.action === 'create');
  if (creates.length) {
    await tx.productVariant.createMany({
      data: creates.map((v) => ({
        productId: productIds.get(v.productKey)!,
        sku: v.sku,
        name: v.name,
        options: v.options,
        priceMinor: v.priceMinor,
        stock: v.stock,
        currency,
      })),
    });
  }
  for (const variant of plan.variants) {
    if (variant.action !== 'update' || !variant.id) continue;
    await tx.productVariant.update({
      where: { id: variant.id },
      data: { name: variant.name, options: variant.options, priceMinor: variant.priceMinor },
    });
    if (variant.stockChanged) await setStockInTransaction(tx, variant.id, variant.stock);
  }
  // One product.updated per existing product whose own fields or variants changed; new products announce nothing (there is no product.created).
  const byKey = new Map(plan.products.map((p) => [p.key, p]));
  const updated = new Set(plan.products.filter((p) => p.id && p.action === 'update').map((p) => p.key));
  for (const v of plan.variants) if (v.action === 'create' ? !!byKey.get(v.productKey)?.id : v.fieldsChanged) updated.add(v.productKey);
  for (const key of updated) {
    const product = byKey.get(key);
    if (product?.id)
      await recordProductUpdated(tx, brandId, product.id, {
        title: product.title,
        description: product.description,
        status: product.status,
        imageUrl: product.imageUrl,
        source: 'CSV_IMPORT',
      });
  }
}
