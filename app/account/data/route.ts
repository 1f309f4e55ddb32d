import { currentUser } from '@/server/auth/session';
import { AppError, toErrorPayload } from '@/server/domain/errors';
import { exportMyData } from '@/server/domain/privacy';
import { RateLimitedError } from '@/server/domain/throttle';
import { services } from '@/server/services';

/** The signed-in person's data as one JSON file (docs/security.md, "Personal data"), written out as it is read. */
export async function GET(): Promise<Response> {
  const user = await currentUser();
  if (!user) return Response.json(toErrorPayload(new AppError('UNAUTHENTICATED')), { status: 401 });
  try {
    const chunks = await exportMyData(services().db, { userId: user.id, name: user.name });
    const encoder = new TextEncoder();
    const iterator = chunks[Symbol.asyncIterator]();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await iterator.return?.();
      },
    });
    const date = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="my-data-${date}.json"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    const payload = toErrorPayload(error);
    if (payload.code === 'INTERNAL') console.error('data export failed', error);
    const headers: Record<string, string> = error instanceof RateLimitedError ? { 'Retry-After': String(error.retryAfterSeconds) } : {};
    return Response.json(payload, { status: error instanceof AppError ? error.httpStatus : 500, headers });
  }
}
