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
import { AppError, englishMessage, errorKeyParams, isErrorReason, type ErrorParams, type ErrorReason, type ParamsOf } from '../errors';

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

/** One problem of one row: a reason and its params (the import page says it in the reader's language), and its English sentence for the API and logs. */
export interface ImportRowError {
  row: number;
  sku?: string;
  reason: ErrorReason;
  params?: ErrorParams;
  message: string;
}

/** A row problem from its key and params; `message` is rendered from the English dictionary, never written here. */
export function rowProblem<K extends ErrorReason>(reason: K, ...[params]: ParamsOf<K> extends undefined ? [] : [ParamsOf<K>]): RowProblem {
  return { reason, ...(params ? { params } : {}) };
}

export interface RowProblem {
  reason: ErrorReason;
  params?: ErrorParams;
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
    const problems: RowProblem[] = [];
    const sku = cell('sku') ?? '';
    const skuCheck = skuSchema.safeParse(sku);
    if (!skuCheck.success) problems.push(sku ? skuProblem(sku, skuCheck.error.issues[0]?.message) : rowProblem('CSV_SKU_EMPTY'));
    else if (firstRowOfSku.has(sku)) problems.push(rowProblem('CSV_SKU_REPEATED', { sku, row: firstRowOfSku.get(sku)! }));
    else firstRowOfSku.set(sku, row);

    const title = cell('title') ?? '';
    if (!title) problems.push(rowProblem('CSV_TITLE_EMPTY'));
    else if (title.length > 200) problems.push(rowProblem('CSV_TITLE_TOO_LONG', { max: 200 }));
    const description = cell('description') || null;
    if (description && description.length > 5000) problems.push(rowProblem('CSV_DESCRIPTION_TOO_LONG', { max: 5000 }));
    const variantName = cell('variant_name') ?? '';
    if (!variantName) problems.push(rowProblem('CSV_VARIANT_NAME_EMPTY'));
    else if (variantName.length > 120) problems.push(rowProblem('CSV_VARIANT_NAME_TOO_LONG', { max: 120 }));

    const statusText = cell('status') ?? '';
    const status = statusText ? productStatusSchema.safeParse(statusText.toUpperCase()) : null;
    if (status && !status.success) problems.push(rowProblem('CSV_STATUS_UNKNOWN', { status: statusText }));

    const imageText = cell('image_url') ?? '';
    if (imageText && !imageUrlSchema.safeParse(imageText).success) problems.push(rowProblem(IMAGE_SOURCE_MESSAGE));

    const optionsText = cell('options') ?? '';
    const parsedOptions = parseOptionsText(optionsText);
    const options = parsedOptions ? variantOptionsSchema.safeParse(parsedOptions) : null;
    if (!options?.success) problems.push(rowProblem('CSV_OPTIONS_FORMAT', { options: optionsText }));

    const priceText = cell('price') ?? '';
    const price = parseMoney(priceText, currency);
    const priceMinor = price.ok ? price.minor : null;
    if (!price.ok) problems.push(moneyRefusal(priceText, currency, price.problem));

    const stockText = cell('stock') ?? '';
    const stock = /^\d{1,10}$/.test(stockText) ? Number(stockText) : null;
    if (stock === null || stock > MAX_STOCK) problems.push(rowProblem('CSV_STOCK_INVALID', { stock: stockText }));

    const rowCurrency = (cell('currency') ?? '').toUpperCase();
    if (rowCurrency && rowCurrency !== currency) problems.push(rowProblem('CSV_CURRENCY_MISMATCH', { currency, rowCurrency }));

    if (problems.length || priceMinor === null || stock === null || !options?.success) {
      for (const problem of problems) errors.push(rowError(row, sku, problem));
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

/** A problem placed on its row, with its English sentence for the API and logs. */
export function rowError(row: number, sku: string, { reason, params }: RowProblem): ImportRowError {
  return { row, ...(sku ? { sku } : {}), reason, ...(params ? { params } : {}), message: englishMessage(reason, params) };
}

/** A SKU the schema refused: its own reason where the schema names one (format, length), else that it is not valid. */
function skuProblem(sku: string, key: string | undefined): RowProblem {
  return key && isErrorReason(key) && errorKeyParams()[key].length === 0 ? { reason: key } : rowProblem('CSV_SKU_INVALID', { sku });
}
