// `npm run bench:media-pipe`: the media fan-out of bench/media-fanout.ts over two
// workers, the second fed by a pipe from the first, to set beside its one-worker record.
process.env.BENCH_MEDIA_PIPE ??= '1';
await import('./media-fanout');
export {};
