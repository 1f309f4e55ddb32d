// `npm run bench:chat-cluster`: the chat fan-out of bench/chat-fanout.ts over two app
// nodes on one Redis and one PostgreSQL, to set beside its one-node record.
process.env.BENCH_CHAT_NODES ??= '2';
await import('./chat-fanout');
export {};
