import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [relative] : [];
  });
}

describe('the process registry', () => {
  it('is the only product code that keeps state on globalThis', () => {
    const offenders = [...sourceFiles('server'), ...sourceFiles('app')].filter(
      (file) => file !== path.join('server', 'process-registry.ts') && readFileSync(path.join(root, file), 'utf8').includes('globalThis'),
    );
    expect(offenders).toEqual([]);
  });

  it('gives a second copy of a module (as Next.js bundles pages apart) the same stock gate and services', async () => {
    const first = await import('../../server/domain/catalog');
    const services = await import('../../server/services');
    const registered = { marker: 'built by the composition root' } as unknown as Parameters<typeof services.registerServices>[0];
    services.registerServices(registered);
    try {
      vi.resetModules();
      const second = await import('../../server/domain/catalog');
      const secondServices = await import('../../server/services');
      expect(second).not.toBe(first);
      expect(second.stockGate).toBe(first.stockGate);
      expect(secondServices.services()).toBe(registered);
    } finally {
      services.registerServices(undefined);
    }
  });
});
