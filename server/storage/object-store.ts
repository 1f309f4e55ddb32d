import type { Env } from '../env';
import { LocalDiskStore } from './local-disk-store';
import { S3Store } from './s3-store';

export { assertSafeObjectKey, isSafeObjectKey, newObjectKey } from './object-key';

export interface StoredObject {
  key: string;
  /** The URL pages use in <img src>. */
  url: string;
}

/** Where uploaded images live. Keys come from `newObjectKey`, never from a user. */
export interface ObjectStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<StoredObject>;
  delete(key: string): Promise<void>;
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
