import { currentUser } from '@/server/auth/session';
import { AppError, toErrorPayload } from '@/server/domain/errors';
import { exportBrandOrdersCsv } from '@/server/domain/orders';
import { services } from '@/server/services';

/** The brand's orders as CSV, with the filters of the orders table (every page); members only, others get 404. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  const user = await currentUser();
  if (!user) return Response.json(toErrorPayload(new AppError('UNAUTHENTICATED')), { status: 401 });
  try {
    const filters = Object.fromEntries(new URL(request.url).searchParams);
    const csv = await exportBrandOrdersCsv(services().db, { userId: user.id, name: user.name }, slug, filters);
    const date = new Date().toISOString().slice(0, 10);
    const filename = `${slug.replace(/[^a-z0-9-]/gi, '')}-orders-${date}.csv`;
    // The byte-order mark makes Excel read the file as UTF-8 (names in Khmer, Lao, Mongolian).
    return new Response(`\uFEFF${csv}`, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    const payload = toErrorPayload(error);
    if (payload.code === 'INTERNAL') console.error('order export failed', error);
    return Response.json(payload, { status: error instanceof AppError ? error.httpStatus : 500 });
  }
}
