// Test helpers shared by the scheduling, follows and discovery tests (not app code).
import { expect } from 'vitest';
import type { PrismaClient } from '../db/client';
import { DEMO_EMAILS } from '../db/seed';
import type { Actor } from './context';
import { AppError, type ErrorCode } from './errors';

export interface DemoActors {
  lumenOwner: Actor;
  koraOwner: Actor;
  host: Actor;
  viewer: Actor;
  viewer2: Actor;
}

export async function demoActors(prisma: PrismaClient): Promise<DemoActors> {
  const actor = async (email: string): Promise<Actor> => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true } });
    return { userId: user.id, name: user.name };
  };
  return {
    lumenOwner: await actor(DEMO_EMAILS.brand),
    koraOwner: await actor(DEMO_EMAILS.otherBrand),
    host: await actor(DEMO_EMAILS.host),
    viewer: await actor(DEMO_EMAILS.viewer),
    viewer2: await actor(DEMO_EMAILS.viewer2),
  };
}

export async function expectAppError(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}
