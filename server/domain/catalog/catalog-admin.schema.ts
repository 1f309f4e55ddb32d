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
  .min(1, 'Enter a SKU.')
  .max(64, 'A SKU can be at most 64 characters.')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, 'A SKU may use letters, digits and . _ - / only, and must start with a letter or digit.');

// ";" and "=" separate options in CSV files (Size=M;Colour=Red), so they cannot appear inside one.
const optionPart = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine((s) => !/[;=]/.test(s), 'Option names and values cannot contain ; or =.');

export const variantOptionsSchema = z
  .record(optionPart, optionPart)
  .refine((o) => Object.keys(o).length <= 10, 'A variant can have at most 10 options.');

export const variantInputSchema = z.object({
  name: z.string().trim().min(1, 'Give the variant a name, like “Medium / Red”.').max(120),
  sku: skuSchema,
  options: variantOptionsSchema.default({}),
  priceMinor: z
    .number({ error: 'Enter a price like 12.50.' })
    .int('Enter a price.')
    .min(0, 'A price cannot be negative.')
    .max(MAX_PRICE_MINOR, 'That price is too high.'),
  stock: z
    .number({ error: 'Enter the stock as a whole number.' })
    .int('Stock must be a whole number.')
    .min(0, 'Stock cannot be below zero.')
    .max(MAX_STOCK, 'That stock figure is too high.'),
});
export type VariantInput = z.infer<typeof variantInputSchema>;

function refuseRepeatedSkus(variants: { sku: string }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  variants.forEach((variant, index) => {
    const sku = variant.sku;
    if (seen.has(sku))
      ctx.addIssue({ code: 'custom', path: ['variants', index, 'sku'], message: `The SKU ${variant.sku} is used twice in this product.` });
    seen.add(sku);
  });
}

const productFields = {
  title: z.string().trim().min(1, 'Give the product a title.').max(200, 'Keep the title under 200 characters.'),
  description: z.string().trim().max(5000, 'Keep the description under 5,000 characters.'),
  status: productStatusSchema,
};

export const createProductSchema = z
  .object({
    ...productFields,
    description: productFields.description.default(''),
    status: productFields.status.default('DRAFT'),
    variants: z.array(variantInputSchema).min(1, 'Add at least one variant.').max(MAX_VARIANTS_PER_PRODUCT),
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
  .refine((v) => v.id !== undefined || v.stock !== undefined, { path: ['stock'], message: 'Enter the stock for the new variant.' });
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
    variants: z.array(variantUpdateSchema).min(1, 'A product needs at least one variant.').max(MAX_VARIANTS_PER_PRODUCT).optional(),
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
