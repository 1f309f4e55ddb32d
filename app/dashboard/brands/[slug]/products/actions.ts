'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { PRODUCT_FIELDS } from '@/app/dashboard/_i18n/domain-messages';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import { requireBrandMember } from '@/server/domain/brands';
import { createProduct, setProductStatus, updateProduct } from '@/server/domain/catalog';
import { createProductSchema, productStatusSchema, updateProductSchema } from '@/server/domain/catalog';
import { AppError, type ErrorKey, type ErrorParams } from '@/server/domain/errors';
import { createProductWithImage, MAX_PRODUCT_IMAGE_BYTES, uploadProductImage, validateProductImage } from '@/server/domain/catalog';
import { services } from '@/server/services';
import { productsPath } from './brand-context';
import { fieldErrorsOf, productFormSchema, readProductForm, toVariantInput } from './product-form-data';

const invalid = (fieldErrors: Record<string, string>, fieldParams?: Record<string, ErrorParams>): ActionState => ({
  ok: false,
  code: 'INVALID_INPUT',
  message: 'Please check the highlighted fields.',
  fieldErrors,
  ...(fieldParams ? { fieldParams } : {}),
});

/** Creates a product (productId null) or saves the editor's changes, then opens the product's page. */
export async function saveProductAction(
  slug: string,
  productId: string | null,
  _previous: ActionState | null,
  form: FormData,
): Promise<ActionState> {
  const { t } = await getI18n();
  return localiseState(await saveProduct(slug, productId, form), t, PRODUCT_FIELDS);
}

// Answers with codes and schema keys; the action above translates.
async function saveProduct(slug: string, productId: string | null, form: FormData): Promise<ActionState> {
  return formAction(productFormSchema, readProductForm(form), async (fields, user) => {
    const db = services().db;
    const actor = { userId: user.id, name: user.name };
    const { currency } = await requireBrandMember(db, actor, { slug });
    const rows = fields.variants.map((row, index) => toVariantInput(row, index, currency));
    const rowErrors = Object.assign({}, ...rows.map((r) => r.errors)) as Record<string, string>;
    const rowParams = Object.assign({}, ...rows.map((r) => r.params)) as Record<string, ErrorParams>;
    if (Object.keys(rowErrors).length) return invalid(rowErrors, rowParams);
    const input = { title: fields.title, description: fields.description, status: fields.status, variants: rows.map((r) => r.input) };

    // The domain parses again; parsing here as well is what gives each field its own message.
    const checked = (productId ? updateProductSchema : createProductSchema).safeParse(input);
    if (!checked.success) {
      const { fieldErrors, fieldParams } = fieldErrorsOf(checked.error.issues);
      return invalid(fieldErrors, fieldParams);
    }
    // The create form may carry the product's image: stored with the product, or neither is.
    const image = productId ? null : await chosenImage(form);
    if (image && 'error' in image) return invalid({ image: image.error });
    let id = productId;
    if (id) await updateProduct(db, actor, slug, id, input);
    else {
      const created = { ...input, variants: rows.map((r) => ({ ...r.input, stock: r.input.stock ?? 0 })) };
      id = image
        ? (await createProductWithImage(db, services().storage, actor, slug, created, image.bytes)).id
        : (await createProduct(db, actor, slug, created)).id;
    }
    revalidatePath(productsPath(slug));
    redirect(productsPath(slug, `/${id}?saved=${productId ? 'updated' : 'created'}`));
  });
}

/** The image chosen in the create form, checked by its bytes; null when none was chosen. */
async function chosenImage(form: FormData): Promise<{ bytes: Uint8Array } | { error: string } | null> {
  const file = form.get('image');
  if (!(file instanceof File) || file.size === 0) return null;
  if (file.size > MAX_PRODUCT_IMAGE_BYTES) return { error: 'IMAGE_TOO_LARGE' satisfies ErrorKey };
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    validateProductImage(bytes);
  } catch (error) {
    if (error instanceof AppError) return { error: error.key };
    throw error;
  }
  return { bytes };
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
  return localiseState(state, t);
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
  return localiseState(state, t, { image: 'dashboard.productImage.errors.choose' });
}
