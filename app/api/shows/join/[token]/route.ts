import { NextResponse } from 'next/server';
import { AppError } from '@/server/domain/errors';
import { redeemJoinToken, showInviteCookie } from '@/server/domain/show-access';
import { services } from '@/server/services';

export const dynamic = 'force-dynamic';

const THIRTY_DAYS = 30 * 24 * 60 * 60;

/**
 * An invitee's personal join link. It changes nothing on the server (a link scanner may fetch it):
 * it keeps the token in a cookie the show page and its socket read, then opens the show.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { db, env } = services();
  const base = env.PUBLIC_URL ?? new URL(request.url).origin;
  try {
    const { showId } = await redeemJoinToken(db, token);
    const response = NextResponse.redirect(new URL(`/shows/${showId}`, base), 303);
    response.cookies.set(showInviteCookie(showId), token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: base.startsWith('https:'),
      path: '/',
      maxAge: THIRTY_DAYS,
    });
    return response;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // A withdrawn or mistyped link: the home page, where every public show is.
    return NextResponse.redirect(new URL('/', base), 303);
  }
}
