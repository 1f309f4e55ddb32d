import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'test/**/*.test.ts'],
    // Integration tests start real PostgreSQL and mediasoup; forks keep native state apart.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
  resolve: { alias: { '@': import.meta.dirname } },
});
