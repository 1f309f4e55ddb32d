import { currentUser } from '@/server/auth/session';
import { exportCatalogCsv } from '@/server/domain/catalog';
import { toErrorPayload, AppError } from '@/server/domain/errors';
import { services } from '@/server/services';

/** The brand's catalog as a CSV download, for members only (others get 404, as for the pages). */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  const user = await currentUser();
  if (!user) return Response.json(toErrorPayload(new AppError('UNAUTHENTICATED')), { status: 401 });
  try {
    const csv = await exportCatalogCsv(services().db, { userId: user.id, name: user.name }, slug);
    const date = new Date().toISOString().slice(0, 10);
    const filename = `${slug.replace(/[^a-z0-9-]/gi, '')}-products-${date}.csv`;
    // The byte-order mark makes Excel read the file as UTF-8 (Khmer, emoji, accents); the import skips it.
    return new Response(`\uFEFF${csv}`, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    const payload = toErrorPayload(error);
    if (payload.code === 'INTERNAL') console.error('catalog export failed', error);
    return Response.json(payload, { status: error instanceof AppError ? error.httpStatus : 500 });
  }
}
