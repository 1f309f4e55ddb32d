import { currentUser } from '@/server/auth/session';
import { exportShowAudit, showAuditCsv } from '@/server/domain/audit';
import { AppError, toErrorPayload } from '@/server/domain/errors';
import { services } from '@/server/services';

/** The show's audit log as CSV (?format=csv) or JSON (default); members of the show's brand only, others get 404. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; showId: string }> }): Promise<Response> {
  const { slug, showId } = await params;
  const user = await currentUser();
  if (!user) return Response.json(toErrorPayload(new AppError('UNAUTHENTICATED')), { status: 401 });
  try {
    const log = await exportShowAudit(services().db, { userId: user.id, name: user.name }, slug, showId);
    const csv = new URL(request.url).searchParams.get('format') === 'csv';
    const filename = `show-${showId.replace(/[^a-z0-9_-]/gi, '')}-audit.${csv ? 'csv' : 'json'}`;
    const headers = { 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'private, no-store' };
    // The byte-order mark makes Excel read UTF-8; verifiers skip it (docs/api-and-webhooks.md).
    if (csv) return new Response(`\uFEFF${showAuditCsv(log)}`, { headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' } });
    return new Response(JSON.stringify(log, null, 2), { headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
  } catch (error) {
    const payload = toErrorPayload(error);
    if (payload.code === 'INTERNAL') console.error('show audit export failed', error);
    return Response.json(payload, { status: error instanceof AppError ? error.httpStatus : 500 });
  }
}
