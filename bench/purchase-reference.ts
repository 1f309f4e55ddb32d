// `npm run bench:reference`: the purchase reference alone (bench/reference/server.ts),
// driven by the purchase storm's load generator — what this machine gives plain
// Socket.io and pg right now, before comparing anything with it.
process.env.BENCH_TARGETS = 'reference';
process.env.BENCH_COMMAND = 'npm run bench:reference';
await import('./purchase-storm');
export {};
