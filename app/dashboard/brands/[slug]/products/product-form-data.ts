import { z } from 'zod';
import { parseOptionsText } from '@/server/domain/catalog';
import { issueFields } from '@/app/_lib/action';
import { moneyRefusal, parseMoney } from '@/server/domain/money-input';
import { productStatusSchema } from '@/server/domain/catalog';
import type { ErrorKey, ErrorParams } from '@/server/domain/errors';

// What the product editor posts: plain strings, one `variants.<i>.<field>` set
// per row. The action turns them into the domain's input once it knows the
// brand's currency.

const text = z.string().default('');

export const productFormSchema = z.object({
  title: text,
  description: text,
  status: productStatusSchema.default('DRAFT'),
  variants: z
    .array(z.object({ id: text, name: text, sku: text, options: text, price: text, stock: text, stockShown: text }))
    .min(1, 'PRODUCT_VARIANTS_REQUIRED'),
});
export type ProductForm = z.infer<typeof productFormSchema>;

/** FormData → the nested shape above; rows are read in the order they were posted. */
export function readProductForm(form: FormData): Record<string, unknown> {
  const rows = new Map<number, Record<string, string>>();
  for (const [name, value] of form.entries()) {
    const match = /^variants\.(\d{1,3})\.(\w+)$/.exec(name);
    if (!match || typeof value !== 'string') continue;
    const index = Number(match[1]);
    rows.set(index, { ...rows.get(index), [match[2]!]: value });
  }
  return {
    title: form.get('title') ?? '',
    description: form.get('description') ?? '',
    status: form.get('status') ?? undefined,
    variants: [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row),
  };
}

/**
 * The domain's variant input for one editor row, or what is unreadable in it.
 * An existing variant's stock is sent only when the person changed it, so
 * sales made while the form was open are kept.
 */
export function toVariantInput(row: ProductForm['variants'][number], index: number, currency: string) {
  const errors: Record<string, string> = {};
  const params: Record<string, ErrorParams> = {};
  const options = parseOptionsText(row.options);
  if (!options) errors[`variants.${index}.options`] = 'PRODUCT_OPTIONS_FORMAT';
  const price = parseMoney(row.price, currency);
  const priceMinor = price.ok ? price.minor : null;
  if (!price.ok) {
    const refusal = moneyRefusal(row.price, currency, price.problem);
    errors[`variants.${index}.price`] = refusal.reason;
    if (refusal.params) params[`variants.${index}.price`] = refusal.params;
  }
  const stockText = row.stock.trim();
  const sendStock = !row.id || stockText !== row.stockShown.trim();
  if (sendStock && !/^\d{1,10}$/.test(stockText)) errors[`variants.${index}.stock`] = 'STOCK_INVALID' satisfies ErrorKey;
  const input = {
    ...(row.id ? { id: row.id } : {}),
    name: row.name,
    sku: row.sku,
    options: options ?? {},
    priceMinor: priceMinor ?? 0,
    ...(sendStock ? { stock: Number(stockText) } : {}),
  };
  return { input, errors, params };
}

/** zod issues → the editor's field names (priceMinor is typed as `price`), with the params each key needs. */
export function fieldErrorsOf(issues: Parameters<typeof issueFields>[0]) {
  return issueFields(issues, (path) =>
    path
      .map(String)
      .join('.')
      .replace(/\.priceMinor$/, '.price')
      .replace(/\.options\..*$/, '.options'),
  );
}
