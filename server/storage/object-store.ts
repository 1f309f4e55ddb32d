import type { Env } from '../env';
import { LocalDiskStore } from './local-disk-store';
import { S3Store } from './s3-store';

export { assertSafeObjectKey, isSafeObjectKey, newObjectKey } from './object-key';

export interface StoredObject {
  key: string;
  /** The URL pages use in <img src>. */
  url: string;
}

/** How long caches may keep an object written with `write` (segments are immutable, a live playlist is not). */
export interface WriteOptions {
  cacheControl: string;
}

/**
 * Where uploaded images and show recordings live. Image keys come from `newObjectKey`, never from a
 * user; recording keys are `recordings/<ShowRecording.id>/<file>` (server/media/recording).
 */
export interface ObjectStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<StoredObject>;
  delete(key: string): Promise<void>;
  /** Creates or replaces an object (a live playlist is rewritten after every segment). */
  write(key: string, bytes: Uint8Array, contentType: string, options: WriteOptions): Promise<void>;
  /** The object's bytes, or null when there is none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Every key under a folder prefix such as `recordings/<id>/`, in no particular order. */
  list(prefix: string): Promise<string[]>;
  /** Removes every object under a folder prefix; removing an empty prefix is not an error. */
  deletePrefix(prefix: string): Promise<void>;
}

export function createObjectStore(env: Env): ObjectStore {
  switch (env.STORAGE_DRIVER) {
    case 'local':
      return new LocalDiskStore(env.DATA_DIR);
    case 's3':
      return S3Store.fromEnv(env);
    default: {
      const unreachable: never = env.STORAGE_DRIVER;
      throw new Error(`unknown STORAGE_DRIVER ${String(unreachable)}`);
    }
  }
}
