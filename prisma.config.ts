import { defineConfig } from 'prisma/config';

// The app itself never reads this file: server/db/client.ts connects through the
// pg driver adapter. Prisma's CLI does (generate, and migrate where its engine exists).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://prisma:prisma@localhost:5432/placeholder' },
});
