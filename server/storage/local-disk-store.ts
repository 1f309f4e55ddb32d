import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertSafeObjectKey, assertSafePrefix } from './object-key';
import type { ObjectStore, StoredObject, WriteOptions } from './object-store';

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

  async write(key: string, bytes: Uint8Array, _contentType: string, _options?: WriteOptions): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Written aside then renamed, so a reader never gets half a playlist.
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, file);
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.file(key));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return null;
      throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    assertSafePrefix(prefix);
    const folder = uploadPath(this.dataDir, prefix.slice(0, -1));
    if (!folder) return [];
    const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    return names.filter((name) => !name.endsWith('.tmp')).map((name) => prefix + name);
  }

  async deletePrefix(prefix: string): Promise<void> {
    assertSafePrefix(prefix);
    const folder = uploadPath(this.dataDir, prefix.slice(0, -1));
    if (folder) await rm(folder, { recursive: true, force: true });
  }

  private file(key: string): string {
    assertSafeObjectKey(key);
    const file = uploadPath(this.dataDir, key);
    if (!file) throw new Error(`object key ${key} escapes the uploads folder`);
    return file;
  }
}
