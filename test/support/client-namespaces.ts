// Which dictionary namespaces the client components under a page actually use:
// follows imports from the page (and its layouts) and, from the first 'use client'
// file on, collects every string that starts with a namespace ("viewer.buy",
// `studio.status.${x}`). The route-messages test compares this with what each
// route hands to the browser.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const I18N_DIR = path.join(root, 'app/_i18n') + path.sep;

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = path.join(root, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

const IMPORT = /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Namespaces used by the client side of the module graph below `entries`. */
export function clientNamespaces(entries: string[], namespaces: readonly string[]): Set<string> {
  const used = new Set<string>();
  const keyPattern = new RegExp(`['"\`](${namespaces.join('|')})\\.[\\w.$\\{]`, 'g');
  const seen = new Map<string, boolean>();
  const visit = (file: string, client: boolean) => {
    if (seen.get(file) === true || (seen.has(file) && !client)) return;
    seen.set(file, client);
    const text = readFileSync(file, 'utf8');
    // Server actions run on the server (with every message) even when a client component imports them.
    if (/^\s*['"]use server['"]/.test(text)) return;
    const isClient = client || /^\s*['"]use client['"]/.test(text);
    if (isClient) for (const match of text.matchAll(keyPattern)) used.add(match[1]!);
    for (const match of text.matchAll(IMPORT)) {
      // Type-only imports carry no code to the browser.
      if (/^(?:import|export)\s+type\s/.test(match[0])) continue;
      const target = resolveImport(file, match[1] ?? match[2]!);
      if (!target) continue;
      // The dictionaries and the i18n plumbing are not message users, except that
      // errorText reads `errors.<CODE>` for whoever calls it.
      if (target.startsWith(I18N_DIR)) {
        if (isClient && path.basename(target).startsWith('error-text')) used.add('errors');
        continue;
      }
      visit(target, isClient);
    }
  };
  for (const entry of entries) visit(path.join(root, entry), false);
  return used;
}
