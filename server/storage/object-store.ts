// CONTRACT (implemented by the catalog work): where uploaded images live.
import type { Env } from '../env';

export interface StoredObject {
  key: string;
  /** The URL pages use in <img src>. */
  url: string;
}

export interface ObjectStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<StoredObject>;
  delete(key: string): Promise<void>;
}

export function createObjectStore(_env: Env): ObjectStore {
  throw new Error('createObjectStore: not implemented yet');
}
