// A brand plans a show, invites an influencer to host it, and may move or
// cancel it; the host answers the invitation. Every brand-side call passes the
// brand gate first, so a host (not a brand member) can never edit a show.
import type { Actor, Db } from '../context';
import { requireBrandMember, type BrandAccess } from '../brands';
import { AppError } from '../errors';
import { emailBrandOfHostAnswer, emailHostInvite } from './host-invite-email';
import type { AttemptContext } from '../accounts';
import { announceAccountEvent } from '../accounts';
import { takeInviteThrottles } from '../throttle';
import {
  cancelReasonSchema,
  hostInviteResponseSchema,
  localDateTimeSchema,
  showCreationSchema,
  showDetailsSchema,
  type HostInviteResponse,
  type ShowCreationInput,
  type ShowDetailsInput,
} from './scheduling.schema';
import { recordShowEvent } from './show-events';
import { announceShowChange, scheduleShowReminders } from '../notifications';
import { zonedLocalToUtc } from '../zoned-time';

export * from './scheduling.schema';
export { getBrandShow, listBrandShows, listHostInvitations, listLineupCandidates } from './scheduling-read';
export type { BrandShowDetail, BrandShowRow, HostInvitation } from './scheduling-read';

function parse<T>(result: { success: true; data: T } | { success: false; error: { issues: { message: string }[] } }): T {
  if (result.success) return result.data;
  const message = result.error.issues[0]?.message ?? 'Some of the information sent is not valid.';
  throw new AppError('INVALID_INPUT', `invalid show input: ${message}`, message);
}

/** A future instant from the brand's wall-clock time, or INVALID_INPUT in words a brand understands. */
function futureStart(startLocal: string, timeZone: string, now = new Date()): Date {
  const result = zonedLocalToUtc(startLocal, timeZone);
  if (!result.ok) {
    const message =
      result.reason === 'skipped'
        ? `That time does not exist in ${timeZone}: the clocks skip it. Pick another time.`
        : 'Enter a valid start date and time.';
    throw new AppError('INVALID_INPUT', `start ${startLocal} in ${timeZone} is ${result.reason}`, message);
  }
  if (result.instant.getTime() <= now.getTime())
    throw new AppError('INVALID_INPUT', `start ${startLocal} is in the past`, 'The start time must be in the future.');
  return result.instant;
}

/** Only this brand's products, and no archived ones unless the show already features them. */
async function checkLineup(db: Db, brand: BrandAccess, lineup: string[], alreadyInShow: readonly string[] = []): Promise<void> {
  if (lineup.length === 0) return;
  const products = await db.product.findMany({ where: { id: { in: lineup }, brandId: brand.brandId }, select: { id: true, status: true } });
  const usable = new Set(products.filter((p) => p.status !== 'ARCHIVED' || alreadyInShow.includes(p.id)).map((p) => p.id));
  const refused = lineup.filter((id) => !usable.has(id));
  if (refused.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `lineup products ${refused.join(', ')} are not usable by brand ${brand.slug}`,
      'The lineup can only hold your own products that are not archived.',
    );
  }
}

async function findHost(db: Db, handle: string) {
  const profile = await db.influencerProfile.findUnique({
    where: { handle },
    select: { user: { select: { id: true, name: true, email: true, deletedAt: true } } },
  });
  if (!profile || profile.user.deletedAt)
    throw new AppError('INVALID_INPUT', `no host with handle ${handle}`, `No host has the handle @${handle}.`);
  return profile.user;
}

/** The show, if it belongs to a brand the actor works for; otherwise NOT_FOUND, as for any other brand's data. */
async function requireBrandShow(db: Db, actor: Actor, slug: string, showId: string) {
  const brand = await requireBrandMember(db, actor, { slug });
  const show = await db.show.findFirst({
    where: { id: showId, brandId: brand.brandId },
    select: { id: true, status: true, scheduledStart: true, hostId: true, lineup: { select: { productId: true } } },
  });
  if (!show) throw new AppError('NOT_FOUND', `show ${showId} is not in brand ${slug}`, 'We could not find that show.');
  return { brand, show };
}

export async function createShow(
  db: Db,
  actor: Actor,
  slug: string,
  input: ShowCreationInput,
  opts: { publicUrl: string; now?: Date; throttle?: AttemptContext },
): Promise<{ id: string }> {
  const brand = await requireBrandMember(db, actor, { slug });
  const { startLocal, hostHandle, lineup, ...details } = parse(showCreationSchema.safeParse(input));
  // Every show emails its host an invitation: the same limits as team invites.
  if (opts.throttle)
    await takeInviteThrottles(db, opts.throttle.limits, { ip: opts.throttle.ip, userId: actor.userId, brandId: brand.brandId });
  const scheduledStart = futureStart(startLocal, brand.timeZone, opts.now);
  await checkLineup(db, brand, lineup);
  const host = await findHost(db, hostHandle);
  const show = await db.$transaction(async (tx) => {
    const created = await tx.show.create({
      data: {
        ...details,
        brandId: brand.brandId,
        hostId: host.id,
        scheduledStart,
        status: 'SCHEDULED',
        hostInviteStatus: 'PENDING',
        lineup: { create: lineup.map((productId, position) => ({ productId, position })) },
      },
      select: { id: true },
    });
    await recordShowEvent(tx, created.id, 'show.scheduled');
    return created;
  });
  await emailHostInvite(
    db,
    {
      showId: show.id,
      title: details.title,
      start: scheduledStart,
      plannedDurationMinutes: details.plannedDurationMinutes,
      commissionRateBps: details.commissionRateBps,
      brand: { name: brand.name, timeZone: brand.timeZone },
      host,
    },
    opts.publicUrl,
  );
  return show;
}

export async function updateShowDetails(db: Db, actor: Actor, slug: string, showId: string, input: ShowDetailsInput): Promise<void> {
  const { brand, show } = await requireBrandShow(db, actor, slug, showId);
  if (show.status === 'ENDED' || show.status === 'CANCELLED') {
    throw new AppError('INVALID_STATE', `show ${showId} is ${show.status}`, 'This show has finished and can no longer be edited.');
  }
  const { lineup, ...details } = parse(showDetailsSchema.safeParse(input));
  const current = show.lineup.map((l) => l.productId);
  await checkLineup(db, brand, lineup, current);
  await db.$transaction(async (tx) => {
    // Checked inside the transaction: the host may pin or go live while the brand edits.
    const now = await tx.show.findUniqueOrThrow({ where: { id: showId }, select: { status: true, pinnedProductId: true } });
    if (now.status === 'ENDED' || now.status === 'CANCELLED')
      throw new AppError('INVALID_STATE', `show ${showId} became ${now.status}`, 'This show has finished and can no longer be edited.');
    if (now.pinnedProductId && !lineup.includes(now.pinnedProductId)) {
      throw new AppError(
        'INVALID_STATE',
        `pinned product ${now.pinnedProductId} removed from ${showId}`,
        'The host has that product pinned right now; it can leave the lineup once unpinned.',
      );
    }
    await tx.show.update({ where: { id: showId }, data: details });
    await tx.showProduct.deleteMany({ where: { showId } });
    await tx.showProduct.createMany({ data: lineup.map((productId, position) => ({ showId, productId, position })) });
  });
}

export async function rescheduleShow(
  db: Db,
  actor: Actor,
  slug: string,
  showId: string,
  startLocal: string,
  now = new Date(),
): Promise<void> {
  const { brand, show } = await requireBrandShow(db, actor, slug, showId);
  if (show.status !== 'SCHEDULED')
    throw new AppError('INVALID_STATE', `show ${showId} is ${show.status}`, 'Only a show that has not started can be rescheduled.');
  const scheduledStart = futureStart(parse(localDateTimeSchema.safeParse(startLocal)), brand.timeZone, now);
  if (scheduledStart.getTime() === show.scheduledStart.getTime()) return;
  // Conditional on the status: a host going live at this moment wins.
  const moved = await db.$transaction(async (tx) => {
    const result = await tx.show.updateMany({ where: { id: showId, status: 'SCHEDULED' }, data: { scheduledStart } });
    // A moved show is scheduled again, for its new start.
    if (result.count === 1) await recordShowEvent(tx, showId, 'show.scheduled', { previousStart: show.scheduledStart.toISOString() });
    return result;
  });
  if (moved.count === 0)
    throw new AppError('INVALID_STATE', `show ${showId} left SCHEDULED`, 'Only a show that has not started can be rescheduled.');
  await announceShowChange(db, showId, { kind: 'rescheduled', previousStart: show.scheduledStart });
  await scheduleShowReminders(db, showId);
}

export async function cancelShow(db: Db, actor: Actor, slug: string, showId: string, reason: string): Promise<void> {
  const { show } = await requireBrandShow(db, actor, slug, showId);
  const cancelReason = parse(cancelReasonSchema.safeParse(reason));
  if (show.status === 'CANCELLED') return;
  if (show.status !== 'SCHEDULED')
    throw new AppError('INVALID_STATE', `show ${showId} is ${show.status}`, 'A show that is live or has ended cannot be cancelled.');
  const cancelled = await db.show.updateMany({
    where: { id: showId, status: 'SCHEDULED' },
    data: { status: 'CANCELLED', cancelledAt: new Date(), cancelReason },
  });
  if (cancelled.count === 0)
    throw new AppError('INVALID_STATE', `show ${showId} left SCHEDULED`, 'A show that is live or has ended cannot be cancelled.');
  await announceShowChange(db, showId, { kind: 'cancelled', reason: cancelReason });
}

/** The invited host answers. Declining after accepting is allowed until the show starts; accepting after declining is not. */
/** `publicUrl` set: the brand's team is emailed the answer. */
export async function respondToHostInvite(
  db: Db,
  actor: Actor,
  showId: string,
  response: HostInviteResponse,
  publicUrl?: string,
): Promise<void> {
  const answer = parse(hostInviteResponseSchema.safeParse(response));
  const show = await db.show.findUnique({ where: { id: showId }, select: { hostId: true, status: true, hostInviteStatus: true } });
  if (!show) throw new AppError('NOT_FOUND', `show ${showId} not found`, 'This show does not exist.');
  if (show.hostId !== actor.userId)
    throw new AppError(
      'FORBIDDEN',
      `user ${actor.userId} was not invited to host ${showId}`,
      'Only the invited host can answer this invitation.',
    );
  if (show.status !== 'SCHEDULED')
    throw new AppError('INVALID_STATE', `show ${showId} is ${show.status}`, 'This show has already started or is over.');
  const next = answer === 'accept' ? 'ACCEPTED' : 'DECLINED';
  if (show.hostInviteStatus === next) return;
  if (show.hostInviteStatus === 'DECLINED')
    throw new AppError('INVALID_STATE', `host declined ${showId} before`, 'You declined this show. Ask the brand to invite you again.');
  const updated = await db.show.updateMany({
    where: { id: showId, hostId: actor.userId, status: 'SCHEDULED', hostInviteStatus: show.hostInviteStatus },
    data: { hostInviteStatus: next },
  });
  if (updated.count === 0)
    throw new AppError('INVALID_STATE', `show ${showId} changed while answering`, 'This show changed meanwhile. Reload and try again.');
  // A host who declines loses the studio at once: their sockets reconnect as viewers of this show.
  if (next === 'DECLINED') announceAccountEvent({ kind: 'roles-changed', userId: actor.userId });
  if (next === 'ACCEPTED') await scheduleShowReminders(db, showId);
  if (publicUrl) await emailBrandOfHostAnswer(db, showId, next, publicUrl);
}
