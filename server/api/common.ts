import { z } from 'zod';

export const idParamsSchema = z.object({ id: z.string().min(1).max(64) });

/** Every error answer: a stable code and a message safe to show; `issues` only for INVALID_INPUT. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string().describe('Stable error code, e.g. UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVALID_INPUT, RATE_LIMITED.'),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

// Cursor pagination shared by the list endpoints: `cursor` is the id of the last
// item of the previous page, `nextCursor` is null on the last page.

export const paginationQueryShape = {
  limit: z.coerce.number().int().min(1).max(100).default(50).describe('Items per page, 1–100.'),
  cursor: z.string().min(1).max(64).optional().describe('The nextCursor of the previous page.'),
};

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page.'),
  });
}

/** Prisma arguments for one page: one row more than asked, to know whether another page follows. */
export function pageArgs({ limit, cursor }: { limit: number; cursor?: string | undefined }) {
  return { take: limit + 1, ...(cursor && { cursor: { id: cursor }, skip: 1 }) };
}

export function toPage<Row extends { id: string }, Item>(
  rows: Row[],
  limit: number,
  map: (row: Row) => Item,
): { data: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  return { data: page.map(map), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
