import type { Env } from '../env';
import { assertSafeObjectKey } from './object-key';
import type { ObjectStore, StoredObject } from './object-store';
import { EMPTY_PAYLOAD_HASH, sha256Hex, signRequest, type SigV4Credentials } from './sigv4';

export interface S3Config {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Base URL objects are read from; defaults to the path-style bucket URL. */
  publicUrl?: string;
}

/**
 * An S3-compatible bucket addressed path-style (`<endpoint>/<bucket>/<key>`),
 * which MinIO, R2 and most self-hosted stores accept without DNS per bucket.
 */
export class S3Store implements ObjectStore {
  private readonly credentials: SigV4Credentials;

  constructor(
    private readonly config: S3Config,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.credentials = { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, region: config.region, service: 's3' };
  }

  static fromEnv(env: Env): S3Store {
    // loadEnv already refuses STORAGE_DRIVER=s3 without these; this keeps the types honest.
    if (!env.S3_ENDPOINT || !env.S3_BUCKET || !env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY)
      throw new Error('S3 storage needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
    return new S3Store({
      endpoint: env.S3_ENDPOINT,
      bucket: env.S3_BUCKET,
      region: env.S3_REGION,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      publicUrl: env.S3_PUBLIC_URL,
    });
  }

  objectUrl(key: string): URL {
    const base = this.config.endpoint.replace(/\/+$/, '');
    return new URL(`${base}/${encodeURIComponent(this.config.bucket)}/${key}`);
  }

  publicUrl(key: string): string {
    return this.config.publicUrl ? `${this.config.publicUrl.replace(/\/+$/, '')}/${key}` : this.objectUrl(key).toString();
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<StoredObject> {
    assertSafeObjectKey(key);
    const url = this.objectUrl(key);
    const signed = signRequest(
      {
        method: 'PUT',
        url,
        payloadHash: sha256Hex(bytes),
        date: this.now(),
        headers: { 'content-type': contentType, 'cache-control': 'public, max-age=31536000, immutable' },
      },
      this.credentials,
    );
    const { host: _host, ...headers } = signed.headers; // fetch sets Host itself and refuses it as a header
    // A copy typed over a plain ArrayBuffer, which is what fetch's BodyInit accepts.
    const response = await this.fetchImpl(url, { method: 'PUT', headers, body: new Uint8Array(bytes) });
    if (!response.ok) throw new Error(`S3 PUT ${key} failed: ${response.status} ${(await response.text()).slice(0, 300)}`);
    return { key, url: this.publicUrl(key) };
  }

  async delete(key: string): Promise<void> {
    assertSafeObjectKey(key);
    const url = this.objectUrl(key);
    const signed = signRequest({ method: 'DELETE', url, payloadHash: EMPTY_PAYLOAD_HASH, date: this.now() }, this.credentials);
    const { host: _host, ...headers } = signed.headers;
    const response = await this.fetchImpl(url, { method: 'DELETE', headers });
    // S3 answers 204 whether or not the object existed; some stores answer 404.
    if (!response.ok && response.status !== 404) throw new Error(`S3 DELETE ${key} failed: ${response.status}`);
  }
}
