import { newObjectKey } from '../../storage/object-key';
import type { ObjectStore } from '../../storage/object-store';
import { detectImageType, IMAGE_EXTENSIONS } from '../../storage/image-type';
import { requireBrandMember } from '../brands';
import { createProduct, getBrandProduct, setProductImage } from './catalog-admin';
import type { CreateProductInput } from './catalog-admin.schema';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';

export const MAX_PRODUCT_IMAGE_BYTES = 5 * 1024 * 1024;

/** Checks an upload by its bytes, not its name: PNG, JPEG, WebP or GIF, at most 5 MB. */
export function validateProductImage(bytes: Uint8Array) {
  if (bytes.length === 0) throw new AppError('IMAGE_REQUIRED', 'empty image');
  if (bytes.length > MAX_PRODUCT_IMAGE_BYTES) throw new AppError('IMAGE_TOO_LARGE', `image of ${bytes.length} bytes`);
  const contentType = detectImageType(bytes);
  if (!contentType) throw new AppError('IMAGE_NOT_IMAGE', 'unrecognised image bytes');
  return { contentType, extension: IMAGE_EXTENSIONS[contentType] };
}

/**
 * Stores a new product image and points the product at it. Membership is
 * checked before anything is stored, and the stored object is removed again if
 * the product could not be updated; the replaced image is deleted when it was ours.
 */
export async function uploadProductImage(
  db: Db,
  store: ObjectStore,
  actor: Actor,
  slug: string,
  productId: string,
  bytes: Uint8Array,
): Promise<{ url: string }> {
  const { contentType, extension } = validateProductImage(bytes);
  await getBrandProduct(db, actor, slug, productId);
  const stored = await store.put(newObjectKey('products', extension), bytes, contentType);
  let previousUrl: string | null;
  try {
    ({ previousUrl } = await setProductImage(db, actor, slug, productId, stored.url));
  } catch (error) {
    await store
      .delete(stored.key)
      .catch((cleanupError: unknown) =>
        console.warn('could not delete an image stored for a failed update', { key: stored.key, error: cleanupError }),
      );
    throw error;
  }
  const previousKey = previousUrl?.startsWith('/uploads/products/') ? previousUrl.slice('/uploads/'.length) : null;
  // A failed clean-up leaves an orphaned file, not a broken product: not worth failing the upload for.
  if (previousKey)
    await store
      .delete(previousKey)
      .catch((error: unknown) => console.warn('could not delete a replaced product image', { key: previousKey, error }));
  return { url: stored.url };
}

/**
 * Creates a product with its image in one go, from the create form: the image
 * is checked before anything is written, stored, and removed again when the
 * product could not be created, so neither exists without the other.
 */
export async function createProductWithImage(
  db: Db,
  store: ObjectStore,
  actor: Actor,
  slug: string,
  input: CreateProductInput,
  bytes: Uint8Array,
): Promise<{ id: string; imageUrl: string }> {
  const { contentType, extension } = validateProductImage(bytes);
  await requireBrandMember(db, actor, { slug });
  const stored = await store.put(newObjectKey('products', extension), bytes, contentType);
  try {
    const { id } = await createProduct(db, actor, slug, input, stored.url);
    return { id, imageUrl: stored.url };
  } catch (error) {
    await store
      .delete(stored.key)
      .catch((cleanupError: unknown) =>
        console.warn('could not delete an image stored for a product that was not created', { key: stored.key, error: cleanupError }),
      );
    throw error;
  }
}
