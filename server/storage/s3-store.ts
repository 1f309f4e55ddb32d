import type { Env } from '../env';
import { assertSafeObjectKey, assertSafePrefix } from './object-key';
import type { ObjectStore, StoredObject, WriteOptions } from './object-store';
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
    await this.write(key, bytes, contentType, { cacheControl: 'public, max-age=31536000, immutable' });
    return { key, url: this.publicUrl(key) };
  }

  async write(key: string, bytes: Uint8Array, contentType: string, { cacheControl }: WriteOptions): Promise<void> {
    assertSafeObjectKey(key);
    const url = this.objectUrl(key);
    const signed = signRequest(
      {
        method: 'PUT',
        url,
        payloadHash: sha256Hex(bytes),
        date: this.now(),
        headers: { 'content-type': contentType, 'cache-control': cacheControl },
      },
      this.credentials,
    );
    const { host: _host, ...headers } = signed.headers; // fetch sets Host itself and refuses it as a header
    // A copy typed over a plain ArrayBuffer, which is what fetch's BodyInit accepts.
    const response = await this.fetchImpl(url, { method: 'PUT', headers, body: new Uint8Array(bytes) });
    if (!response.ok) throw new Error(`S3 PUT ${key} failed: ${response.status} ${(await response.text()).slice(0, 300)}`);
  }

  async get(key: string): Promise<Uint8Array | null> {
    assertSafeObjectKey(key);
    const response = await this.signedFetch('GET', this.objectUrl(key));
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`S3 GET ${key} failed: ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  /** ListObjectsV2, page by page; the keys are read from the XML without a parser (they are our own safe keys). */
  async list(prefix: string): Promise<string[]> {
    assertSafePrefix(prefix);
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const url = new URL(`${this.config.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(this.config.bucket)}`);
      url.searchParams.set('list-type', '2');
      url.searchParams.set('prefix', prefix);
      if (token) url.searchParams.set('continuation-token', token);
      const response = await this.signedFetch('GET', url);
      if (!response.ok) throw new Error(`S3 list ${prefix} failed: ${response.status}`);
      const xml = await response.text();
      for (const match of xml.matchAll(/<Key>([^<]+)<\/Key>/g)) keys.push(match[1]!);
      token = /<IsTruncated>true<\/IsTruncated>/.test(xml)
        ? /<NextContinuationToken>([^<]+)<\/NextContinuationToken>/.exec(xml)?.[1]
        : undefined;
    } while (token);
    return keys;
  }

  async deletePrefix(prefix: string): Promise<void> {
    for (const key of await this.list(prefix)) await this.delete(key);
  }

  private signedFetch(method: 'GET' | 'DELETE', url: URL): Promise<Response> {
    const signed = signRequest({ method, url, payloadHash: EMPTY_PAYLOAD_HASH, date: this.now() }, this.credentials);
    const { host: _host, ...headers } = signed.headers;
    return this.fetchImpl(url, { method, headers });
  }

  async delete(key: string): Promise<void> {
    assertSafeObjectKey(key);
    const response = await this.signedFetch('DELETE', this.objectUrl(key));
    // S3 answers 204 whether or not the object existed; some stores answer 404.
    if (!response.ok && response.status !== 404) throw new Error(`S3 DELETE ${key} failed: ${response.status}`);
  }
}
