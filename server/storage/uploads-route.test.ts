import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '../../app/uploads/[...key]/route';
import { registerServices, type AppServices } from '../services';
import { LocalDiskStore } from './local-disk-store';
import { newObjectKey } from './object-key';

describe('GET /uploads/<key>', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'uploads-route-'));
    // The route reads only env.DATA_DIR from the services.
    registerServices({ env: { DATA_DIR: dataDir } } as unknown as AppServices);
  });
  afterAll(() => {
    registerServices(undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });
  const get = (key: string[]) => GET(new Request('http://localhost/uploads/x'), { params: Promise.resolve({ key }) });

  it('serves a stored image with its type and a year of immutable caching', async () => {
    const key = newObjectKey('products', 'webp');
    await new LocalDiskStore(dataDir).put(key, new Uint8Array([1, 2, 3]), 'image/webp');
    const response = await get(key.split('/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('answers 404 for a missing file or a type we never store', async () => {
    expect((await get(['products', 'missing.png'])).status).toBe(404);
    writeFileSync(path.join(dataDir, 'uploads', 'page.html'), '<script>');
    expect((await get(['page.html'])).status).toBe(404);
  });

  it('refuses "..", absolute and backslash segments, even when the target exists', async () => {
    mkdirSync(path.join(dataDir, 'uploads'), { recursive: true });
    writeFileSync(path.join(dataDir, 'secret.png'), 'secret');
    for (const key of [
      ['..', 'secret.png'],
      ['products', '..', '..', 'secret.png'],
      ['/etc', 'passwd.png'],
      ['..\\secret.png'],
      ['C:', 'x.png'],
    ]) {
      expect((await get(key)).status, key.join('/')).toBe(400);
    }
  });
});
