import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../app/_i18n/messages';
import { ROOT_NAMESPACES, ROUTE_NAMESPACES, type Route } from '../../app/_i18n/route-messages';
import { clientNamespaces } from '../support/client-namespaces';

// A page's browser bundle gets only the dictionary namespaces its client
// components use (app/_i18n/route-messages.tsx); a namespace missing here would
// show raw keys in the browser, an extra one costs every visitor bytes.
const root = path.resolve(import.meta.dirname, '../..');
const NAMESPACES = Object.keys(MESSAGES.en);

function pages(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'api' ? [] : pages(rel);
    return entry.name === 'page.tsx' ? [rel] : [];
  });
}

/** The page and every layout above it: what renders for that address. */
function entries(page: string): string[] {
  const parts = page.split('/');
  const layouts = parts.slice(1, -1).map((_, i) => `${parts.slice(0, i + 2).join('/')}/layout.tsx`);
  return [page, 'app/layout.tsx', ...layouts].filter((file) => existsSync(path.join(root, file)));
}

const sectionOf = (page: string) => page.split('/')[1] as Route;

describe('messages per route', () => {
  for (const page of pages('app')) {
    it(`${page}: its client components get every namespace they use`, () => {
      const given = new Set<string>([
        ...ROOT_NAMESPACES,
        ...((ROUTE_NAMESPACES as Record<string, readonly string[]>)[sectionOf(page)] ?? []),
      ]);
      expect([...clientNamespaces(entries(page), NAMESPACES)].filter((ns) => !given.has(ns))).toEqual([]);
    });
  }

  it('every section with its own messages wraps its pages in RouteMessages', () => {
    for (const route of Object.keys(ROUTE_NAMESPACES)) expect(existsSync(path.join(root, `app/${route}/layout.tsx`)), route).toBe(true);
  });

  it('the show page sends the viewer, commerce and chat messages, never the dashboard or studio ones', () => {
    const used = clientNamespaces(entries('app/shows/[showId]/page.tsx'), NAMESPACES);
    expect([...used]).toEqual(expect.arrayContaining(['viewer', 'commerce', 'chat', 'common']));
    expect(ROUTE_NAMESPACES.shows).not.toContain('dashboard');
    expect(ROUTE_NAMESPACES.shows).not.toContain('studio');
  });
});
