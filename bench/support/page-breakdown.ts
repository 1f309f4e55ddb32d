// What a page's first-load JavaScript is made of, module by module, from Next's own
// bundle analyzer (`next analyze`, Turbopack): it builds the app once more, without
// replacing the production build, and `next analyze export --route` lists every chunk
// group of the route (bootstrap and render-dependent ones load with the page, async
// ones on demand) and every module's minified and gzipped size in each chunk.
// A module's gzipped size alone overstates its share of a gzipped chunk (shared
// dictionary), so each module gets its share of the page's measured gzip total in
// proportion to its own gzipped size: the rows add up to what the page weighs.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

interface Group {
  type: 'group';
  kind: string;
  trigger_module_ident?: string;
  outputs: string[];
}
interface Part {
  type: 'part';
  filename: string;
  source_path: string;
  size: number;
  compressed_size: number;
}
type Row = Group | Part | { type: 'meta' | 'route' | 'module' | 'output' };

export interface Breakdown {
  rows: { name: string; raw: number; gzip: number }[];
  /** Chunks loaded on demand, by the module whose import() loads them. */
  lazy: { trigger: string; raw: number; gzip: number }[];
  analyzedRaw: number;
}

const isClientJs = (file: string) => file.startsWith('[client-fs]') && file.endsWith('.js');
const clean = (ident: string) => ident.replace(/^\[project\]\//, '').replace(/ \[.*$/, '');

/** Where a module belongs in the table: a package, React's builds inside next, or the app file itself. */
function owner(source: string): string {
  const file = clean(source);
  const compiled = /node_modules\/next\/dist\/compiled\/([^/]+)\//.exec(file);
  if (compiled) return compiled[1] === 'react-server-dom-turbopack' ? 'react-server-dom (RSC client)' : compiled[1]!;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  if (pkg) return pkg[1] === 'next' ? 'next (router, runtime)' : pkg[1]!;
  if (file.startsWith('[turbopack]')) return 'turbopack runtime';
  return file;
}

let analyzed = false;

export function analyzeRoute(root: string, route: string, measuredGzip: number): Breakdown {
  const next = path.join(root, 'node_modules/.bin/next');
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  if (!analyzed) {
    console.log('running next analyze (a second Turbopack build, a few minutes)…');
    execFileSync(next, ['analyze', '--output', '--snapshot', 'breakdown'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
    analyzed = true;
  }
  const lines = execFileSync(next, ['analyze', 'export', '--snapshot', 'breakdown', '--route', route], {
    cwd: root,
    env,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Row);
  const groups = lines.filter((l): l is Group => l.type === 'group');
  const parts = lines.filter((l): l is Part => l.type === 'part');
  const firstLoad = new Set(groups.filter((g) => g.kind !== 'async').flatMap((g) => g.outputs.filter(isClientJs)));

  const own = parts.filter((p) => firstLoad.has(p.filename));
  const scale = measuredGzip / own.reduce((sum, p) => sum + p.compressed_size, 0);
  const byOwner = new Map<string, { raw: number; gzip: number }>();
  for (const p of own) {
    const entry = byOwner.get(owner(p.source_path)) ?? { raw: 0, gzip: 0 };
    entry.raw += p.size;
    entry.gzip += p.compressed_size * scale;
    byOwner.set(owner(p.source_path), entry);
  }

  // Each on-demand chunk once, under the first import() that loads it, and only what the page has not loaded already.
  const counted = new Set(firstLoad);
  const lazy = groups
    .filter((g) => g.kind === 'async' && g.trigger_module_ident?.includes('[app-client]'))
    .map((g) => {
      const files = g.outputs.filter((f) => isClientJs(f) && !counted.has(f));
      for (const f of files) counted.add(f);
      const inFiles = parts.filter((p) => files.includes(p.filename));
      return {
        trigger: clean(g.trigger_module_ident!),
        raw: inFiles.reduce((sum, p) => sum + p.size, 0),
        gzip: inFiles.reduce((sum, p) => sum + p.compressed_size, 0),
      };
    })
    .filter((l) => l.raw > 0);

  return {
    rows: [...byOwner].map(([name, e]) => ({ name, ...e })).sort((a, b) => b.gzip - a.gzip),
    lazy,
    analyzedRaw: own.reduce((sum, p) => sum + p.size, 0),
  };
}
