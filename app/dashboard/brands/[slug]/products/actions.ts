'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { PRODUCT_FIELDS, PRODUCT_MESSAGES } from '@/app/dashboard/_i18n/domain-messages';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import { requireBrandMember } from '@/server/domain/brand-access';
import { createProduct, setProductStatus, updateProduct } from '@/server/domain/catalog-admin';
import { createProductSchema, productStatusSchema, updateProductSchema } from '@/server/domain/catalog-admin.schema';
import { formatMajorUnits } from '@/server/domain/catalog-format';
import { MAX_PRODUCT_IMAGE_BYTES, uploadProductImage } from '@/server/domain/product-image';
import type { ErrorKey } from '@/server/domain/errors';
import { services } from '@/server/services';
import { productsPath } from './brand-context';
import { fieldErrorsOf, productFormSchema, readProductForm, toVariantInput } from './product-form-data';

const invalid = (fieldErrors: Record<string, string>): ActionState => ({
  ok: false,
  code: 'INVALID_INPUT',
  message: 'Please check the highlighted fields.',
  fieldErrors,
});

/** Creates a product (productId null) or saves the editor's changes, then opens the product's page. */
export async function saveProductAction(
  slug: string,
  productId: string | null,
  _previous: ActionState | null,
  form: FormData,
): Promise<ActionState> {
  const { t } = await getI18n();
  return localiseState(await saveProduct(slug, productId, form), t, PRODUCT_MESSAGES, PRODUCT_FIELDS);
}

// Answers with codes and schema keys; the action above translates.
async function saveProduct(slug: string, productId: string | null, form: FormData): Promise<ActionState> {
  return formAction(productFormSchema, readProductForm(form), async (fields, user) => {
    const db = services().db;
    const actor = { userId: user.id, name: user.name };
    const { currency } = await requireBrandMember(db, actor, { slug });
    const example = formatMajorUnits(1250, currency);
    const rows = fields.variants.map((row, index) => toVariantInput(row, index, currency, example));
    const rowErrors = Object.assign({}, ...rows.map((r) => r.errors)) as Record<string, string>;
    if (Object.keys(rowErrors).length) return invalid(rowErrors);
    const input = { title: fields.title, description: fields.description, status: fields.status, variants: rows.map((r) => r.input) };

    // The domain parses again; parsing here as well is what gives each field its own message.
    const checked = (productId ? updateProductSchema : createProductSchema).safeParse(input);
    if (!checked.success) return invalid(fieldErrorsOf(checked.error.issues));
    let id = productId;
    if (id) await updateProduct(db, actor, slug, id, input);
    else
      id = (await createProduct(db, actor, slug, { ...input, variants: rows.map((r) => ({ ...r.input, stock: r.input.stock ?? 0 })) })).id;
    revalidatePath(productsPath(slug));
    redirect(productsPath(slug, `/${id}?saved=${productId ? 'updated' : 'created'}`));
  });
}

const statusSchema = z.object({ status: productStatusSchema });

export async function setStatusAction(
  slug: string,
  productId: string,
  _previous: ActionState | null,
  form: FormData,
): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(statusSchema, form, async ({ status }, user) => {
    await setProductStatus(services().db, { userId: user.id, name: user.name }, slug, productId, status);
    revalidatePath(productsPath(slug));
    redirect(productsPath(slug, `/${productId}?saved=${status.toLowerCase()}`));
  });
  return localiseState(state, t, PRODUCT_MESSAGES);
}

const imageSchema = z.object({
  image: z
    .instanceof(File, { message: 'IMAGE_REQUIRED' satisfies ErrorKey })
    .refine((file) => file.size > 0, 'IMAGE_REQUIRED' satisfies ErrorKey)
    // Checked before reading the upload into memory; the bytes are checked again.
    .refine((file) => file.size <= MAX_PRODUCT_IMAGE_BYTES, 'IMAGE_TOO_LARGE' satisfies ErrorKey),
});

export async function uploadImageAction(
  slug: string,
  productId: string,
  _previous: ActionState | null,
  form: FormData,
): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(imageSchema, form, async ({ image }, user) => {
    const { db, storage } = services();
    const bytes = new Uint8Array(await image.arrayBuffer());
    await uploadProductImage(db, storage, { userId: user.id, name: user.name }, slug, productId, bytes);
    revalidatePath(productsPath(slug));
    return { ok: true, message: t('dashboard.productImage.updated') };
  });
  return localiseState(state, t, PRODUCT_MESSAGES, { image: 'dashboard.productImage.errors.choose' });
}
