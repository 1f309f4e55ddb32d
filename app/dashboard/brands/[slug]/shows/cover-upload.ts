import { AppError } from '@/server/domain/errors';
import { services } from '@/server/services';
import { detectImageType, IMAGE_EXTENSIONS } from '@/server/storage/image-type';
import { newObjectKey } from '@/server/storage/object-store';

export const COVER_MAX_BYTES = 5 * 1024 * 1024;
const COVER_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

/**
 * Stores an uploaded cover and answers its URL, or null when no file was chosen.
 * The type comes from the file's first bytes, never from its name or the browser.
 */
export async function storeCoverImage(file: File | undefined): Promise<{ url: string; key: string } | null> {
  if (!file || file.size === 0) return null;
  if (file.size > COVER_MAX_BYTES) throw new AppError('COVER_TOO_LARGE', `cover is ${file.size} bytes`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = detectImageType(bytes);
  const allowed = COVER_TYPES.find((t) => t === type);
  if (!allowed) throw new AppError('COVER_TYPE', `cover type ${type ?? 'unknown'}`);
  const key = newObjectKey('shows', IMAGE_EXTENSIONS[allowed]);
  const stored = await services().storage.put(key, bytes, allowed);
  return { url: stored.url, key };
}
