import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertSafeObjectKey } from './object-key';
import type { ObjectStore, StoredObject } from './object-store';

/** The uploads folder inside the data directory; app/uploads serves it. */
export function uploadsRoot(dataDir: string): string {
  return path.resolve(dataDir, 'uploads');
}

/**
 * Resolves a key to its file, or null when it would land outside the uploads
 * folder. Keys are checked again here so a bug elsewhere cannot write beside
 * the database or the auth secret.
 */
export function uploadPath(dataDir: string, key: string): string | null {
  const root = uploadsRoot(dataDir);
  const file = path.resolve(root, key);
  return file.startsWith(root + path.sep) ? file : null;
}

export class LocalDiskStore implements ObjectStore {
  constructor(private readonly dataDir: string) {}

  async put(key: string, bytes: Uint8Array, _contentType: string): Promise<StoredObject> {
    assertSafeObjectKey(key);
    const file = uploadPath(this.dataDir, key);
    if (!file) throw new Error(`object key ${key} escapes the uploads folder`);
    await mkdir(path.dirname(file), { recursive: true });
    // 'wx': keys are random, so an existing file means a bug, not an update.
    await writeFile(file, bytes, { flag: 'wx' });
    return { key, url: `/uploads/${key}` };
  }

  async delete(key: string): Promise<void> {
    assertSafeObjectKey(key);
    const file = uploadPath(this.dataDir, key);
    if (file) await rm(file, { force: true });
  }
}
