import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture's boundaries are rules in eslint.config.mjs; each is checked here on a
// one-line file placed where it would break the boundary.
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });

async function refusals(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('a page cannot import the database layer, the Prisma client or its generated types', async () => {
    expect(await refusals('app/shows/page.tsx', "import { x } from '../../server/db/client';")).not.toEqual([]);
    expect(await refusals('app/shows/page.tsx', "import { x } from '@/server/db/seed';")).not.toEqual([]);
    expect(await refusals('app/shows/page.tsx', "import { x } from '@prisma/client';")).not.toEqual([]);
    expect(await refusals('app/shows/page.tsx', "import { x } from '../../server/db/generated/prisma/client';")).not.toEqual([]);
    expect(await refusals('app/shows/page.tsx', "import { x } from '../../server/domain/shows';")).toEqual([]);
  });

  it('the domain cannot import the realtime layer, Next.js or Socket.io', async () => {
    expect(await refusals('server/domain/orders.ts', "import { x } from '../realtime/broadcaster';")).not.toEqual([]);
    expect(await refusals('server/domain/orders/place.ts', "import { x } from '../../realtime';")).not.toEqual([]);
    expect(await refusals('server/domain/orders.ts', "import { x } from 'next/headers';")).not.toEqual([]);
    expect(await refusals('server/domain/orders.ts', "import { x } from 'socket.io';")).not.toEqual([]);
    expect(await refusals('server/domain/orders.ts', "import { x } from '../db/client';")).toEqual([]);
  });

  it('the realtime layer cannot reach the database directly: it goes through the domain', async () => {
    expect(await refusals('server/realtime/handler.ts', "import { x } from '../db/client';")).not.toEqual([]);
    expect(await refusals('server/realtime/handler.ts', "import { x } from '@prisma/client';")).not.toEqual([]);
    expect(await refusals('server/realtime/handler.ts', "import { x } from '../domain/orders';")).toEqual([]);
  });
});
