import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SKIP = new Set(['node_modules', '.next', '.data', '.git', 'generated', 'test-results', 'playwright-report']);

/** A sha256 over the contents of the given files and folders (recursively), for "is it stale?" checks. */
export function fingerprint(root, entries) {
  const hash = createHash('sha256');
  const visit = (relative) => {
    const full = path.join(root, relative);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) if (!SKIP.has(name)) visit(path.join(relative, name));
    } else {
      hash.update(relative).update('\0').update(readFileSync(full)).update('\0');
    }
  };
  for (const entry of entries) visit(entry);
  return hash.digest('hex');
}
