import { IMAGE_SOURCE_MESSAGE } from '../image-sources';
import {
  imageUrlSchema,
  MAX_STOCK,
  productStatusSchema,
  skuSchema,
  variantOptionsSchema,
  type ProductStatus,
} from './catalog-admin.schema';
import { parseOptionsText, type VariantOptions } from './catalog-format';
import { moneyRefusal, parseMoney } from '../money-input';
import { restoreFormulaText } from '../csv';
import { AppError, englishMessage, schemaText } from '../errors';

// Turns CSV records into checked rows, one error per problem, each naming its
// spreadsheet row (the header is row 1) so people can find it.

export const CATALOG_COLUMNS = [
  'product_id',
  'title',
  'description',
  'status',
  'image_url',
  'sku',
  'variant_name',
  'options',
  'price',
  'currency',
  'stock',
] as const;
export type CatalogColumn = (typeof CATALOG_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly CatalogColumn[] = ['title', 'sku', 'variant_name', 'price', 'stock'];

export interface ImportRowError {
  row: number;
  sku?: string;
  message: string;
}

export interface CatalogRow {
  row: number;
  productId: string | null;
  title: string;
  /** null when empty: the product keeps its description (so follow-on rows of a product may leave it blank). */
  description: string | null;
  /** null when empty: an existing product keeps its status, a new one starts as a draft. */
  status: ProductStatus | null;
  /** null when empty: the product keeps its image. */
  imageUrl: string | null;
  sku: string;
  variantName: string;
  options: VariantOptions;
  priceMinor: number;
  stock: number;
}

function readHeader(header: string[]): Map<CatalogColumn, number> {
  const columns = new Map<CatalogColumn, number>();
  header.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    // Columns we do not know are left alone: spreadsheets grow notes columns.
    if (!(CATALOG_COLUMNS as readonly string[]).includes(name)) return;
    if (columns.has(name as CatalogColumn)) throw new AppError('CSV_DUPLICATE_COLUMN', { column: name }, `duplicate column ${name}`);
    columns.set(name as CatalogColumn, index);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.has(c));
  if (missing.length) throw new AppError('CSV_MISSING_COLUMNS', { columns: missing.join(', ') }, `missing columns ${missing.join(',')}`);
  return columns;
}

export function readCatalogRows(records: string[][], currency: string): { rows: CatalogRow[]; errors: ImportRowError[] } {
  const [header, ...body] = records;
  if (!header) throw new AppError('CSV_EMPTY', 'empty csv');
  const columns = readHeader(header);
  const rows: CatalogRow[] = [];
  const errors: ImportRowError[] = [];
  const firstRowOfSku = new Map<string, number>();

  body.forEach((record, index) => {
    const row = index + 2;
    if (record.every((cell) => cell.trim() === '')) return;
    const cell = (column: CatalogColumn): string | null => {
      const at = columns.get(column);
      return at === undefined ? null : restoreFormulaText(record[at] ?? '').trim();
    };
    const problems: string[] = [];
    const sku = cell('sku') ?? '';
    const skuCheck = skuSchema.safeParse(sku);
    if (!skuCheck.success)
      problems.push(sku ? `The SKU “${sku}” is not valid: ${schemaText(skuCheck.error.issues[0]?.message)}` : 'The SKU is empty.');
    else if (firstRowOfSku.has(sku))
      problems.push(`The SKU ${sku} also appears in row ${firstRowOfSku.get(sku)}. Each SKU may appear once.`);
    else firstRowOfSku.set(sku, row);

    const title = cell('title') ?? '';
    if (!title) problems.push('The title is empty.');
    else if (title.length > 200) problems.push('The title is longer than 200 characters.');
    const description = cell('description') || null;
    if (description && description.length > 5000) problems.push('The description is longer than 5,000 characters.');
    const variantName = cell('variant_name') ?? '';
    if (!variantName) problems.push('The variant name is empty.');
    else if (variantName.length > 120) problems.push('The variant name is longer than 120 characters.');

    const statusText = cell('status') ?? '';
    const status = statusText ? productStatusSchema.safeParse(statusText.toUpperCase()) : null;
    if (status && !status.success) problems.push(`The status “${statusText}” is not one of draft, active or archived.`);

    const imageText = cell('image_url') ?? '';
    if (imageText && !imageUrlSchema.safeParse(imageText).success) problems.push(englishMessage(IMAGE_SOURCE_MESSAGE));

    const optionsText = cell('options') ?? '';
    const parsedOptions = parseOptionsText(optionsText);
    const options = parsedOptions ? variantOptionsSchema.safeParse(parsedOptions) : null;
    if (!options?.success) problems.push(`The options “${optionsText}” should look like Size=M;Colour=Red, each name once.`);

    const priceText = cell('price') ?? '';
    const price = parseMoney(priceText, currency);
    const priceMinor = price.ok ? price.minor : null;
    if (!price.ok) {
      const refusal = moneyRefusal(priceText, currency, price.problem);
      problems.push(`Price “${priceText}”: ${englishMessage(refusal.reason, refusal.params)}`);
    }

    const stockText = cell('stock') ?? '';
    const stock = /^\d{1,10}$/.test(stockText) ? Number(stockText) : null;
    if (stock === null || stock > MAX_STOCK) problems.push(`The stock “${stockText}” must be a whole number, zero or more.`);

    const rowCurrency = (cell('currency') ?? '').toUpperCase();
    if (rowCurrency && rowCurrency !== currency)
      problems.push(`This catalog sells in ${currency}, but the row says ${rowCurrency}. Convert the price and write ${currency}.`);

    if (problems.length || priceMinor === null || stock === null || !options?.success) {
      for (const message of problems) errors.push({ row, ...(sku ? { sku } : {}), message });
      return;
    }
    rows.push({
      row,
      productId: cell('product_id') || null,
      title,
      description,
      status: status?.success ? status.data : null,
      imageUrl: imageText || null,
      sku,
      variantName,
      options: options.data,
      priceMinor,
      stock,
    });
  });
  return { rows, errors };
}
