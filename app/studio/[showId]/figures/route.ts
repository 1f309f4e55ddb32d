import { currentUser } from '@/server/auth/session';
import { AppError, toErrorPayload } from '@/server/domain/errors';
import { getStudioFigures } from '@/server/domain/shows';
import { services } from '@/server/services';

/** The show's sales as the database has them, for its host's studio; never cached. */
export async function GET(_request: Request, { params }: { params: Promise<{ showId: string }> }): Promise<Response> {
  const { showId } = await params;
  const user = await currentUser();
  if (!user) return Response.json(toErrorPayload(new AppError('UNAUTHENTICATED')), { status: 401 });
  try {
    const figures = await getStudioFigures(services().db, { userId: user.id, name: user.name }, showId.slice(0, 64));
    return Response.json(figures, { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    const payload = toErrorPayload(error);
    if (payload.code === 'INTERNAL') console.error('studio figures failed', error);
    return Response.json(payload, { status: error instanceof AppError ? error.httpStatus : 500 });
  }
}
