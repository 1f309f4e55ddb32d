import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_REASONS } from '../domain/errors';

const root = path.resolve(import.meta.dirname, '../..');
const doc = readFileSync(path.join(root, 'docs/realtime-protocol.md'), 'utf8');
const source = readFileSync(path.join(root, 'server/realtime/protocol.ts'), 'utf8');

/** Event names declared as `'name': (` inside the named interface of protocol.ts. */
function declaredEvents(interfaceName: string): string[] {
  const start = source.indexOf(`export interface ${interfaceName}`);
  const body = source.slice(start, source.indexOf('\n}\n', start));
  return [...body.matchAll(/^\s+'([a-z]+:[A-Za-z]+)': \(/gm)].map((m) => m[1]!).sort();
}

/** Names in the first column of the doc's tables, under the given heading. */
function documentedNames(heading: string): string[] {
  const start = doc.indexOf(`## ${heading}`);
  const end = doc.indexOf('\n## ', start + 3);
  const section = doc.slice(start, end === -1 ? undefined : end);
  const firstCells = [...section.matchAll(/^\| ([^|]+?) \|/gm)].map((m) => m[1]!);
  return firstCells.flatMap((cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)).sort();
}

describe('docs/realtime-protocol.md', () => {
  it('documents exactly the client events that protocol.ts declares', () => {
    expect(documentedNames('Client → server')).toEqual(declaredEvents('ClientToServerEvents'));
  });

  it('documents exactly the server events that protocol.ts declares', () => {
    expect(documentedNames('Server → client')).toEqual(
      [...declaredEvents('SequencedEvents'), ...declaredEvents('ServerToClientEvents')].sort(),
    );
  });

  it('documents every error code, and no code that does not exist', () => {
    expect(documentedNames('Acknowledgements and errors')).toEqual(Object.keys(ERROR_CODES).sort());
  });

  it('documents every reason with its code and params, and no reason that does not exist', () => {
    expect(documentedNames('Error reasons')).toEqual(Object.keys(ERROR_REASONS).sort());
    for (const [reason, entry] of Object.entries(ERROR_REASONS)) {
      const params = Object.keys((entry as { params?: object }).params ?? {});
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${reason}\` |`));
      expect(row, reason).toContain(`| \`${entry.code}\` |`);
      for (const name of params) expect(row, `${reason} ${name}`).toContain(`\`${name}\``);
    }
  });
});
