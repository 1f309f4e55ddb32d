// Loaded with `--import` (after tsx) into a server under measurement, started
// with --expose-gc: each `measure` line on stdin collects garbage and prints
// `MEMORY <json>` on stdout, so both servers are measured the same way.
import { createInterface } from 'node:readline';
import { writeHeapSnapshot } from 'node:v8';

const gc = (globalThis as { gc?: () => void }).gc;
createInterface({ input: process.stdin }).on('line', (line) => {
  // `snapshot <file>` writes a heap snapshot, for attributing what a viewer costs.
  if (line.startsWith('snapshot ')) return void process.stdout.write(`SNAPSHOT ${writeHeapSnapshot(line.slice(9).trim())}\n`);
  if (line.trim() !== 'measure') return;
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  process.stdout.write(
    `MEMORY ${JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers })}\n`,
  );
});
