import { currentUser } from '@/server/auth/session';
import { getShowReport, showReportCsv } from '@/server/domain/analytics';
import { AppError, toErrorPayload } from '@/server/domain/errors';
import { services } from '@/server/services';

/** The report as CSV, for the brand's team and the show's host only (the same gate as the page). */
export async function GET(_request: Request, { params }: { params: Promise<{ showId: string }> }): Promise<Response> {
  const { showId } = await params;
  const user = await currentUser();
  if (!user) return Response.json(toErrorPayload(new AppError('UNAUTHENTICATED')), { status: 401 });
  try {
    const report = await getShowReport(services().db, { userId: user.id, name: user.name }, showId.slice(0, 64));
    return new Response(showReportCsv(report), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="show-report-${report.show.id}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    const payload = toErrorPayload(error);
    if (payload.code === 'INTERNAL') console.error('show report csv failed', error);
    return Response.json(payload, { status: error instanceof AppError ? error.httpStatus : 500 });
  }
}
