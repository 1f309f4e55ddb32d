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
    expect(await refusals('server/domain/orders/orders.ts', "import { x } from '../../effects/job-handlers';")).not.toEqual([]);
    expect(await refusals('server/domain/orders.ts', "import { x } from '../db/client';")).toEqual([]);
  });

  it('the realtime layer cannot reach the database directly: it goes through the domain', async () => {
    expect(await refusals('server/realtime/handler.ts', "import { x } from '../db/client';")).not.toEqual([]);
    expect(await refusals('server/realtime/handler.ts', "import { x } from '@prisma/client';")).not.toEqual([]);
    expect(await refusals('server/realtime/handler.ts', "import { x } from '../domain/orders';")).toEqual([]);
  });

  it('modules are used only through their index: code outside a module never imports its inner files', async () => {
    expect(await refusals('app/shows/page.tsx', "import { x } from '@/server/domain/orders/order-lifecycle';")).not.toEqual([]);
    expect(await refusals('server/api/orders.ts', "import { x } from '../domain/orders/order-lifecycle';")).not.toEqual([]);
    expect(await refusals('server/realtime/handler.ts', "import { x } from '../domain/shows/shows';")).not.toEqual([]);
    expect(await refusals('test/realtime/x.test.ts', "import { x } from '../../server/domain/catalog/stock-gate';")).not.toEqual([]);
    expect(await refusals('server/domain/bag/bag.ts', "import { x } from '../coupons/coupons';")).not.toEqual([]);
    expect(await refusals('server/domain/checkout.test-support.ts', "import { x } from './payments/provider';")).not.toEqual([]);
    expect(await refusals('app/shows/page.tsx', "import { x } from '@/server/domain/orders';")).toEqual([]);
    expect(await refusals('server/domain/bag/bag.ts', "import { x } from '../coupons';")).toEqual([]);
    expect(await refusals('server/domain/bag/bag.ts', "import { x } from './bag-lines';")).toEqual([]);
    expect(await refusals('server/domain/bag/bag.ts', "import { x } from '../errors';")).toEqual([]);
  });

  it("tests beside a module read its inner files, and any test may use a module's test support", async () => {
    expect(await refusals('server/domain/bag/bag.test.ts', "import { x } from './bag-placement';")).toEqual([]);
    expect(await refusals('server/domain/payments/payments.test.ts', "import { x } from '../orders/order-test-support';")).toEqual([]);
    expect(await refusals('test/realtime/x.test.ts', "import { x } from '../../server/domain/payments/test-support';")).toEqual([]);
  });

  it('jobs, mail and webhooks never import the domain or its subscribers: the domain writes to them', async () => {
    expect(await refusals('server/jobs/runner.ts', "import { x } from '../domain/notifications';")).not.toEqual([]);
    expect(await refusals('server/mail/outbox.ts', "import { x } from '../domain/context';")).not.toEqual([]);
    expect(await refusals('server/webhooks/deliver.ts', "import { x } from '../domain/events';")).not.toEqual([]);
    expect(await refusals('server/jobs/runner.ts', "import { x } from '../effects/job-handlers';")).not.toEqual([]);
    expect(await refusals('server/mail/outbox.ts', "import { x } from '../domain/errors';")).toEqual([]);
    expect(await refusals('server/effects/job-handlers.ts', "import { x } from '../domain/notifications';")).toEqual([]);
  });
});
