import type { z } from 'zod';
import { AppError, toErrorPayload } from '@/server/domain/errors';
import {
  pushAllowsHttp,
  pushSubscriptionSchema,
  pushUnsubscribeSchema,
  subscribePush,
  unsubscribePush,
  vapidOf,
} from '@/server/domain/push';
import { currentUser } from '@/server/auth/session';
import { services } from '@/server/services';

export const dynamic = 'force-dynamic';

/**
 * This browser's web push subscription for the signed-in person: POST saves it (the body is the browser's
 * PushSubscription.toJSON()), DELETE forgets it ({ endpoint }). Only JSON is taken: a cross-site form cannot send
 * it without a preflight, and the session cookie is SameSite=Lax.
 */
export async function POST(request: Request) {
  return handle(request, async (userId, body) => {
    const { db, env } = services();
    if (!vapidOf(env)) throw new AppError('PUSH_NOT_CONFIGURED');
    const input = parse(pushSubscriptionSchema, body);
    const { id } = await subscribePush(db, userId, input, { userAgent: request.headers.get('user-agent'), allowHttp: pushAllowsHttp(env) });
    return { ok: true, id };
  });
}

export async function DELETE(request: Request) {
  return handle(request, async (userId, body) => {
    const { endpoint } = parse(pushUnsubscribeSchema, body);
    return { ok: true, ...(await unsubscribePush(services().db, userId, endpoint)) };
  });
}

async function handle(request: Request, run: (userId: string, body: unknown) => Promise<Record<string, unknown>>): Promise<Response> {
  try {
    const user = await currentUser();
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (!request.headers.get('content-type')?.startsWith('application/json'))
      throw new AppError('INVALID_FIELD', { field: 'content-type' });
    const body: unknown = await request.json().catch(() => {
      throw new AppError('INVALID_FIELD', { field: 'body' });
    });
    return Response.json(await run(user.id, body));
  } catch (error) {
    const payload = toErrorPayload(error);
    const status = error instanceof AppError ? error.httpStatus : 500;
    if (status === 500) console.error('push subscription request failed', error);
    return Response.json({ ok: false, error: payload }, { status });
  }
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AppError('INVALID_FIELD', { field: parsed.error.issues[0]?.path.join('.') || 'body' });
  return parsed.data;
}
