import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDiskStore, uploadPath } from './local-disk-store';
import { isSafeObjectKey, newObjectKey } from './object-key';
import { S3Store } from './s3-store';
import { sha256Hex, signRequest } from './sigv4';
import { contentTypeForKey, detectImageType } from './image-type';

describe('object keys', () => {
  it('are random and made only of safe characters, so two uploads never collide', () => {
    const a = newObjectKey('products', 'png');
    const b = newObjectKey('products', 'png');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^products\/[0-9a-f]{32}\.png$/);
  });

  it('refuse traversal, absolute paths, hidden files and backslashes', () => {
    for (const key of [
      '../secret.png',
      'products/../../x.png',
      '/etc/passwd.png',
      '.env.png',
      'products\\x.png',
      'products//x.png',
      'products/x',
      'Products/x.png',
      '',
    ]) {
      expect(isSafeObjectKey(key), key).toBe(false);
    }
  });
});

describe('LocalDiskStore', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'store-test-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('writes the bytes under DATA_DIR/uploads/<key> and answers the /uploads/<key> URL', async () => {
    const store = new LocalDiskStore(dataDir);
    const key = newObjectKey('products', 'png');
    const stored = await store.put(key, new Uint8Array([1, 2, 3]), 'image/png');
    expect(stored).toEqual({ key, url: `/uploads/${key}` });
    expect([...readFileSync(path.join(dataDir, 'uploads', key))]).toEqual([1, 2, 3]);
  });

  it('deletes an object, and deleting a missing one is not an error', async () => {
    const store = new LocalDiskStore(dataDir);
    const key = newObjectKey('products', 'gif');
    await store.put(key, new Uint8Array([9]), 'image/gif');
    await store.delete(key);
    expect(existsSync(path.join(dataDir, 'uploads', key))).toBe(false);
    await expect(store.delete(key)).resolves.toBeUndefined();
  });

  it('refuses a key that tries to leave the uploads folder, writing nothing', async () => {
    const store = new LocalDiskStore(dataDir);
    await expect(store.put('../auth-secret.png', new Uint8Array([1]), 'image/png')).rejects.toThrow(/unsafe object key/);
    expect(existsSync(path.join(dataDir, 'auth-secret.png'))).toBe(false);
    expect(uploadPath(dataDir, '../../etc/passwd')).toBeNull();
  });
});

describe('SigV4 signing', () => {
  it('reproduces AWS’s published example for GET /test.txt with a Range header', () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html, "Example: GET Object".
    const signed = signRequest(
      {
        method: 'GET',
        url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
        headers: { Range: 'bytes=0-9' },
        payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        date: new Date('2013-05-24T00:00:00Z'),
      },
      { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1' },
    );
    expect(signed.canonicalRequest).toBe(
      [
        'GET',
        '/test.txt',
        '',
        'host:examplebucket.s3.amazonaws.com',
        'range:bytes=0-9',
        'x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'x-amz-date:20130524T000000Z',
        '',
        'host;range;x-amz-content-sha256;x-amz-date',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      ].join('\n'),
    );
    expect(signed.signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
    expect(signed.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });
});

describe('S3Store', () => {
  it('PUTs path-style to <endpoint>/<bucket>/<key> with a signature the server can recompute, and answers the public URL', async () => {
    const received: { method?: string; url?: string; headers: IncomingMessage['headers']; body: Buffer }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const now = new Date('2025-01-02T03:04:05Z');
    const config = {
      endpoint: `http://127.0.0.1:${port}`,
      bucket: 'media',
      region: 'auto',
      accessKeyId: 'AK',
      secretAccessKey: 'SK',
      publicUrl: 'https://cdn.example.com/',
    };
    try {
      const store = new S3Store(config, fetch, () => now);
      const key = newObjectKey('products', 'webp');
      const stored = await store.put(key, new Uint8Array([7, 8, 9]), 'image/webp');
      expect(stored.url).toBe(`https://cdn.example.com/${key}`);

      const request = received[0]!;
      expect(request.method).toBe('PUT');
      expect(request.url).toBe(`/media/${key}`);
      expect([...request.body]).toEqual([7, 8, 9]);
      expect(request.headers['x-amz-content-sha256']).toBe(sha256Hex(new Uint8Array([7, 8, 9])));
      const expected = signRequest(
        {
          method: 'PUT',
          url: new URL(`${config.endpoint}/media/${key}`),
          payloadHash: sha256Hex(new Uint8Array([7, 8, 9])),
          date: now,
          headers: { 'content-type': 'image/webp', 'cache-control': 'public, max-age=31536000, immutable' },
        },
        { ...config, service: 's3' },
      );
      expect(request.headers.authorization).toBe(expected.headers.authorization);

      await store.delete(key);
      expect(received[1]).toMatchObject({ method: 'DELETE', url: `/media/${key}` });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('reports a refused upload as an error instead of a broken image URL', async () => {
    const store = new S3Store(
      { endpoint: 'http://s3.invalid', bucket: 'b', region: 'r', accessKeyId: 'a', secretAccessKey: 's' },
      async () => new Response('AccessDenied', { status: 403 }),
    );
    await expect(store.put(newObjectKey('products', 'png'), new Uint8Array([1]), 'image/png')).rejects.toThrow(/403/);
  });
});

describe('image types', () => {
  it('recognises PNG, JPEG, WebP and GIF by their first bytes and nothing else', () => {
    expect(detectImageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(detectImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(detectImageType(new TextEncoder().encode('GIF89a...'))).toBe('image/gif');
    expect(detectImageType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(detectImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(detectImageType(new TextEncoder().encode('RIFF\0\0\0\0WAVE'))).toBeNull();
    expect(detectImageType(new Uint8Array([]))).toBeNull();
  });

  it('serves keys with the type of the extension we gave them', () => {
    expect(contentTypeForKey('products/abc.jpg')).toBe('image/jpeg');
    expect(contentTypeForKey('products/abc.html')).toBeNull();
  });
});
