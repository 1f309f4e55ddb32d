import { chmodSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../test/support/database';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded';

const dirs: string[] = [];
const handles: EmbeddedPostgresHandle[] = [];
afterAll(async () => {
  for (const handle of handles) await handle.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('embedded PostgreSQL supervision', () => {
  it('gives up with a clear error when PostgreSQL cannot be started again, so the app can exit', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'live-commerce-pg-giveup-'));
    dirs.push(dir);
    chmodSync(dir, 0o755);
    const dataDir = path.join(dir, 'data');
    const events: string[] = [];
    let gaveUp: (error: Error) => void = () => undefined;
    const givenUp = new Promise<Error>((resolve) => (gaveUp = resolve));
    const pg = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      supervise: {
        restartAttempts: 2,
        onDown: () => events.push('down'),
        onUp: () => events.push('up'),
        onGiveUp: (error) => gaveUp(error),
      },
    });
    handles.push(pg);
    // A data directory PostgreSQL no longer recognises: every restart fails.
    renameSync(path.join(dataDir, 'PG_VERSION'), path.join(dir, 'PG_VERSION.moved'));
    process.kill(Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]), 'SIGKILL');

    const error = await givenUp;
    expect(error.message).toBe('embedded PostgreSQL could not be restarted after 2 attempts');
    expect(events).toEqual(['down']);
  });
});
