import { services } from '@/server/services';

export const dynamic = 'force-dynamic';

/** Liveness for load balancers and test runners: the database answers. */
export async function GET() {
  try {
    await services().db.$queryRaw`SELECT 1`;
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false }, { status: 503 });
  }
}
