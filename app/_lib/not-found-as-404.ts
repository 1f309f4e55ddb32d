import { notFound } from 'next/navigation';
import { AppError } from '@/server/domain/errors';

/** Runs a public read; the domain's NOT_FOUND becomes the 404 page. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}
