import { z } from 'zod';
import { IMAGE_SOURCE_MESSAGE, isAllowedImageUrl } from '../image-sources';

export const PRODUCT_STATUSES = ['DRAFT', 'ACTIVE', 'ARCHIVED'] as const;
export const productStatusSchema = z.enum(PRODUCT_STATUSES);
export type ProductStatus = z.infer<typeof productStatusSchema>;

export const MAX_VARIANTS_PER_PRODUCT = 100;
export const MAX_PRICE_MINOR = 1_000_000_000_000;
export const MAX_STOCK = 1_000_000_000;

export const skuSchema = z
  .string()
  .trim()
  .min(1, 'PRODUCT_SKU_REQUIRED')
  .max(64, 'PRODUCT_SKU_TOO_LONG')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, 'PRODUCT_SKU_FORMAT');

// ";" and "=" separate options in CSV files (Size=M;Colour=Red), so they cannot appear inside one.
const optionPart = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine((s) => !/[;=]/.test(s), 'PRODUCT_OPTION_CHARS');

export const variantOptionsSchema = z.record(optionPart, optionPart).refine((o) => Object.keys(o).length <= 10, 'PRODUCT_TOO_MANY_OPTIONS');

export const variantInputSchema = z.object({
  name: z.string().trim().min(1, 'PRODUCT_VARIANT_NAME_REQUIRED').max(120),
  sku: skuSchema,
  options: variantOptionsSchema.default({}),
  priceMinor: z
    .number({ error: 'PRODUCT_PRICE_REQUIRED' })
    .int('PRODUCT_PRICE_REQUIRED')
    .min(0, 'PRODUCT_PRICE_NEGATIVE')
    .max(MAX_PRICE_MINOR, 'PRODUCT_PRICE_TOO_HIGH'),
  stock: z
    .number({ error: 'PRODUCT_STOCK_WHOLE' })
    .int('PRODUCT_STOCK_WHOLE')
    .min(0, 'PRODUCT_STOCK_NEGATIVE')
    .max(MAX_STOCK, 'PRODUCT_STOCK_TOO_HIGH'),
});
export type VariantInput = z.infer<typeof variantInputSchema>;

function refuseRepeatedSkus(variants: { sku: string }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  variants.forEach((variant, index) => {
    const sku = variant.sku;
    if (seen.has(sku)) ctx.addIssue({ code: 'custom', path: ['variants', index, 'sku'], message: 'PRODUCT_SKU_TWICE', params: { sku } });
    seen.add(sku);
  });
}

const productFields = {
  title: z.string().trim().min(1, 'PRODUCT_TITLE_REQUIRED').max(200, 'PRODUCT_TITLE_TOO_LONG'),
  description: z.string().trim().max(5000, 'PRODUCT_DESCRIPTION_TOO_LONG'),
  status: productStatusSchema,
};

export const createProductSchema = z
  .object({
    ...productFields,
    description: productFields.description.default(''),
    status: productFields.status.default('DRAFT'),
    variants: z.array(variantInputSchema).min(1, 'PRODUCT_VARIANTS_REQUIRED').max(MAX_VARIANTS_PER_PRODUCT),
  })
  .superRefine((input, ctx) => refuseRepeatedSkus(input.variants, ctx));
export type CreateProductInput = z.input<typeof createProductSchema>;

/**
 * A variant in an update: with an id it changes that variant, without one it is
 * added. An existing variant's stock is optional: leaving it out keeps whatever
 * sales have done to it since the form was opened.
 */
export const variantUpdateSchema = variantInputSchema
  .extend({ id: z.string().min(1).optional(), stock: variantInputSchema.shape.stock.optional() })
  .refine((v) => v.id !== undefined || v.stock !== undefined, { path: ['stock'], message: 'PRODUCT_NEW_VARIANT_STOCK' });
export type VariantUpdateInput = z.infer<typeof variantUpdateSchema>;

/**
 * Fields left out stay as they are. `variants`, when given, is the whole new
 * list: variants of the product missing from it are removed.
 */
export const updateProductSchema = z
  .object({
    title: productFields.title.optional(),
    description: productFields.description.optional(),
    status: productFields.status.optional(),
    variants: z.array(variantUpdateSchema).min(1, 'PRODUCT_PRODUCT_NEEDS_VARIANT').max(MAX_VARIANTS_PER_PRODUCT).optional(),
  })
  .superRefine((input, ctx) => input.variants && refuseRepeatedSkus(input.variants, ctx));
export type UpdateProductInput = z.input<typeof updateProductSchema>;

export const productListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: productStatusSchema.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
/** As it arrives from a URL: anything unreadable falls back to no filter and page 1. */
export type ProductListQuery = { q?: string; status?: string; page?: string | number };

// Our own files (/uploads/…, the bucket) or an IMAGE_HOSTS link; never javascript:, data: or any other site.
export const imageUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((url) => isAllowedImageUrl(url), IMAGE_SOURCE_MESSAGE);
