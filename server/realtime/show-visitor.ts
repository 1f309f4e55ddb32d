import { showInviteCookie, type Visitor } from '../domain/show-access';
import type { ShowSocket } from './handler';

/** Who is knocking at a show: the signed-in account, and the personal join link's token from its cookie. */
export function visitorOf(socket: ShowSocket, showId: string): Visitor {
  const name = showInviteCookie(showId);
  let inviteToken: string | null = null;
  for (const part of (socket.handshake.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) inviteToken = part.slice(eq + 1).trim();
  }
  return { userId: socket.data.user?.userId ?? null, inviteToken };
}
