// Seeds the demo data into DATABASE_URL (npm start does this by itself).
import { createPrismaClient } from './client';
import { seedDemoData } from './seed';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to the database to seed.');
  process.exit(1);
}
const prisma = createPrismaClient(url);
console.log(await seedDemoData(prisma));
await prisma.$disconnect();
