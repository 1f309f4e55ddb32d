import { randomBytes } from 'node:crypto';

// Lower-case segments of letters, digits and dashes, and one extension at the
// end: no dots elsewhere, so "..", hidden files and absolute paths cannot be
// spelled, whatever a caller passes.
const SAFE_KEY = /^[a-z0-9][a-z0-9-]{0,63}(\/[a-z0-9][a-z0-9-]{0,63}){0,4}\.[a-z0-9]{1,8}$/;

export function isSafeObjectKey(key: string): boolean {
  return SAFE_KEY.test(key);
}

export function assertSafeObjectKey(key: string): void {
  if (!isSafeObjectKey(key)) throw new Error(`unsafe object key ${JSON.stringify(key)}: make keys with newObjectKey()`);
}

/** A fresh, unguessable key such as `products/3f9c…e1.png`; nothing in it comes from the uploader. */
export function newObjectKey(folder: 'products' | 'brands' | 'shows', extension: string): string {
  const key = `${folder}/${randomBytes(16).toString('hex')}.${extension}`;
  assertSafeObjectKey(key);
  return key;
}

/** A folder prefix such as `recordings/<id>/`: safe segments, ending in a slash. */
export function assertSafePrefix(prefix: string): void {
  if (!/^[a-z0-9][a-z0-9-]{0,63}(\/[a-z0-9][a-z0-9-]{0,63}){0,3}\/$/.test(prefix))
    throw new Error(`unsafe object prefix ${JSON.stringify(prefix)}`);
}
