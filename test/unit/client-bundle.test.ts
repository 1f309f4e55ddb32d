// What the browser downloads, read from the sources the way the bundler reads them:
// each file is compiled alone (imports used only as types disappear, as they do in
// the build), then its imports are followed. A file marked 'use server' is a boundary:
// the client gets a reference to its actions, never its code.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

interface Imports {
  eager: string[];
  lazy: string[];
}

const cache = new Map<string, Imports>();

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? path.join(root, specifier.slice(2)) : path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${path.relative(root, from)}: cannot resolve ${specifier}`);
}

function directive(source: string): string | null {
  return /^\s*(?:\/\/[^\n]*\n\s*)*['"](use client|use server)['"]/.exec(source)?.[1] ?? null;
}

function importsOf(file: string): Imports {
  const known = cache.get(file);
  if (known) return known;
  const source = readFileSync(file, 'utf8');
  const found: Imports = { eager: [], lazy: [] };
  if (directive(source) !== 'use server') {
    const js = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.ReactJSX },
    }).outputText;
    for (const [, specifier] of js.matchAll(/^\s*(?:import|export)\b[^'"()]*?['"]([^'"]+)['"]/gm)) found.eager.push(specifier!);
    for (const [, specifier] of js.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.lazy.push(specifier!);
  }
  cache.set(file, found);
  return found;
}

const isLocal = (specifier: string) => specifier.startsWith('.') || specifier.startsWith('@/');

/** Every file and package reached from `entry`, with the chain that reaches it; `lazy` also follows import(). */
function reach(entry: string, { lazy }: { lazy: boolean }): Map<string, string[]> {
  const chains = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  for (let file = queue.shift(); file; file = queue.shift()) {
    const { eager, lazy: deferred } = importsOf(file);
    for (const specifier of lazy ? [...eager, ...deferred] : eager) {
      const target = isLocal(specifier) ? resolveLocal(file, specifier) : specifier;
      if (!target || chains.has(target)) continue;
      chains.set(target, [...chains.get(file)!, target]);
      if (isLocal(specifier)) queue.push(target);
    }
  }
  return chains;
}

function clientEntries(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return clientEntries(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') && directive(readFileSync(full, 'utf8')) === 'use client'
      ? [full]
      : [];
  });
}

const show = (chain: string[]) => chain.map((step) => (path.isAbsolute(step) ? path.relative(root, step) : step)).join(' → ');

describe('what the browser downloads', () => {
  it('no client component reaches zod, so validation stays on the server and no page carries its 35 kB', () => {
    // zod is about 35 kB gzipped in a client bundle, and in the browser it probes
    // new Function() on its first object schema, which our CSP (no 'unsafe-eval')
    // reports as a violation. Forms check on the server (actions, socket handlers).
    const importers = new Map<string, string>();
    for (const entry of clientEntries(path.join(root, 'app')))
      for (const [target, chain] of reach(entry, { lazy: true }))
        if (target === 'zod' || target.startsWith('zod/')) importers.set(chain.at(-2)!, show(chain));
    expect([...importers.values()]).toEqual([]);
  });

  it('no client component reaches the English errors dictionary or the reasons catalog, so refusals cost a page no bytes', () => {
    // server/domain/errors.ts holds ERROR_REASONS and imports every English sentence (englishMessage): about
    // 7 kB gzipped that a page never reads, since pages translate a refusal's code or reason from their own messages.
    const banned = ['app/_i18n/messages/en/errors.ts', 'server/domain/errors.ts'].map((file) => path.join(root, file));
    const importers = new Map<string, string>();
    for (const entry of clientEntries(path.join(root, 'app')))
      for (const [target, chain] of reach(entry, { lazy: true })) if (banned.includes(target)) importers.set(chain.at(-2)!, show(chain));
    expect([...importers.values()]).toEqual([]);
  });

  it('the viewer page leaves its sheets, the pinned card, the chat and the socket and media clients out of its first load', () => {
    const entry = path.join(root, 'app/shows/[showId]/show-viewer.tsx');
    const eager = reach(entry, { lazy: false });
    const all = reach(entry, { lazy: true });
    // The sheets open on a tap; the card and the chat show what the show channel brings after hydration;
    // socket.io-client (17 kB) and mediasoup-client (about 60 kB) start loading from import() as soon as they are needed.
    // The lineup, the sound buttons and the shipping line under Buy (with the pricing rules) are not needed for the first frame either.
    const local = [
      'bag-drawer.tsx',
      'auth-sheet.tsx',
      'one-tap-setup-sheet.tsx',
      'pinned-product.tsx',
      '../../_components/chat-panel.tsx',
      'lineup-list.tsx',
      'sound-controls.tsx',
      'shipping-note.tsx',
      '../../../server/domain/pricing.ts',
    ];
    const onDemand = [...local.map((part) => path.join(root, 'app/shows/[showId]', part)), 'socket.io-client', 'mediasoup-client'];
    for (const part of onDemand) {
      const name = path.isAbsolute(part) ? path.relative(root, part) : part;
      expect(all.has(part), `${name} is used by the viewer`).toBe(true);
      expect(
        eager.get(part)?.map((step) => show([step])),
        `${name} is in the first load`,
      ).toBeUndefined();
    }
  });

  it("hls.js stays out of the live viewer's first load (only its backup path fetches it) and the replay's", () => {
    const liveViewer = path.join(root, 'app/shows/[showId]/show-viewer.tsx');
    expect(reach(liveViewer, { lazy: true }).has('hls.js')).toBe(true);
    expect(
      reach(liveViewer, { lazy: false })
        .get('hls.js')
        ?.map((step) => show([step])),
    ).toBeUndefined();
    const replay = path.join(root, 'app/shows/[showId]/replay/replay-viewer.tsx');
    expect(reach(replay, { lazy: true }).has('hls.js')).toBe(true);
    expect(
      reach(replay, { lazy: false })
        .get('hls.js')
        ?.map((step) => show([step])),
    ).toBeUndefined();
  });
});

describe("the live viewer's first load", () => {
  it('leaves out what only some viewers see (auction, stage seat, giveaway, poll, Q&A, back-in-stock, moderation), the replay, the countdown and the show channel wiring', () => {
    // The page's first load is every client component page.tsx can render, whichever it does (Next's route
    // statistics, bench/page-weight.ts). These parts appear when the show channel says so, or only on an ended or
    // upcoming show, or once the socket is open: they load on demand and must not come back into the first load.
    const page = path.join(root, 'app/shows/[showId]/page.tsx');
    const eager = reach(page, { lazy: false });
    const all = reach(page, { lazy: true });
    const onDemand = [
      'auction-card.tsx',
      'stage-seat.tsx',
      'engagement/giveaway-card.tsx',
      'engagement/poll-card.tsx',
      'engagement/questions-sheet.tsx',
      'engagement/engagement-cards.tsx',
      'waitlist/back-in-stock-toast.tsx',
      'moderation/moderation-bar.tsx',
      'moderation/use-show-moderation.tsx',
      '../../studio/[showId]/confirm-dialog.tsx',
      '../../studio/[showId]/use-publisher.ts',
      'replay/replay-viewer.tsx',
      'replay/replay-player.tsx',
      'countdown.tsx',
      'show-aside.tsx',
      'show-channel-wiring.ts',
      '../../_lib/overlay-schedule.ts',
      '../../_lib/intl-data.ts',
      '../../_lib/hls-playout-clock.ts',
    ].map((part) => path.join(root, 'app/shows/[showId]', part));
    for (const part of onDemand) {
      const name = path.relative(root, part);
      expect(all.has(part), `${name} is used by the show page`).toBe(true);
      expect(
        eager.get(part)?.map((step) => show([step])),
        `${name} is in the first load`,
      ).toBeUndefined();
    }
  });
});
