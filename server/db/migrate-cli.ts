// `npm run db:migrate`: applies the migrations to DATABASE_URL.
import { applyMigrations } from './migrate';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to the database to migrate.');
  process.exit(1);
}
const { applied } = await applyMigrations(url, { log: console.log });
console.log(applied.length ? `applied ${applied.length} migration(s)` : 'database is up to date');
