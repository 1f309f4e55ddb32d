import { notFound } from 'next/navigation';
import { requirePageUser } from '@/app/_lib/action';
import type { Actor } from '@/server/domain/context';
import { AppError } from '@/server/domain/errors';
import { services } from '@/server/services';

/** The signed-in actor and database for a brand products page. */
export async function productsPageContext(slug: string, path = '') {
  const user = await requirePageUser(`/dashboard/brands/${slug}/products${path}`);
  const actor: Actor = { userId: user.id, name: user.name };
  return { db: services().db, actor };
}

/** A brand or product the person cannot see is a 404 page, the same as one that does not exist. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

export const productsPath = (slug: string, rest = '') => `/dashboard/brands/${encodeURIComponent(slug)}/products${rest}`;
