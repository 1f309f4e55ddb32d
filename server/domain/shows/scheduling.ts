// A brand plans a show, invites an influencer to host it, and may move or
// cancel it; the host answers the invitation. Every brand-side call passes the
// brand gate first, so a host (not a brand member) can never edit a show.
import type { Actor, Db } from '../context';
import { requireBrandMember, type BrandAccess } from '../brands';
import { AppError, invalidField } from '../errors';
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

function parse<T>(
  result: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
): T {
  if (result.success) return result.data;
  throw invalidField(result.error.issues);
}

/** A future instant from the brand's wall-clock time, or INVALID_INPUT in words a brand understands. */
function futureStart(startLocal: string, timeZone: string, now = new Date()): Date {
  const result = zonedLocalToUtc(startLocal, timeZone);
  if (!result.ok) {
    const detail = `start ${startLocal} in ${timeZone} is ${result.reason}`;
    throw result.reason === 'skipped' ? new AppError('START_SKIPPED', { zone: timeZone }, detail) : new AppError('START_INVALID', detail);
  }
  if (result.instant.getTime() <= now.getTime()) throw new AppError('START_PAST', `start ${startLocal} is in the past`);
  return result.instant;
}

/** Only this brand's products, and no archived ones unless the show already features them. */
async function checkLineup(db: Db, brand: BrandAccess, lineup: string[], alreadyInShow: readonly string[] = []): Promise<void> {
  if (lineup.length === 0) return;
  const products = await db.product.findMany({ where: { id: { in: lineup }, brandId: brand.brandId }, select: { id: true, status: true } });
  const usable = new Set(products.filter((p) => p.status !== 'ARCHIVED' || alreadyInShow.includes(p.id)).map((p) => p.id));
  const refused = lineup.filter((id) => !usable.has(id));
  if (refused.length > 0) {
    throw new AppError('LINEUP_FOREIGN', `lineup products ${refused.join(', ')} are not usable by brand ${brand.slug}`);
  }
}

async function findHost(db: Db, handle: string) {
  const profile = await db.influencerProfile.findUnique({
    where: { handle },
    select: { user: { select: { id: true, name: true, email: true, deletedAt: true } } },
  });
  if (!profile || profile.user.deletedAt) throw new AppError('HOST_HANDLE_UNKNOWN', { handle }, `no host with handle ${handle}`);
  return profile.user;
}

/** The show, if it belongs to a brand the actor works for; otherwise NOT_FOUND, as for any other brand's data. */
async function requireBrandShow(db: Db, actor: Actor, slug: string, showId: string) {
  const brand = await requireBrandMember(db, actor, { slug });
  const show = await db.show.findFirst({
    where: { id: showId, brandId: brand.brandId },
    select: { id: true, status: true, scheduledStart: true, hostId: true, lineup: { select: { productId: true } } },
  });
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId} is not in brand ${slug}`);
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
    throw new AppError('SHOW_NOT_EDITABLE', `show ${showId} is ${show.status}`);
  }
  const { lineup, ...details } = parse(showDetailsSchema.safeParse(input));
  const current = show.lineup.map((l) => l.productId);
  await checkLineup(db, brand, lineup, current);
  await db.$transaction(async (tx) => {
    // Checked inside the transaction: the host may pin or go live while the brand edits.
    const now = await tx.show.findUniqueOrThrow({ where: { id: showId }, select: { status: true, pinnedProductId: true } });
    if (now.status === 'ENDED' || now.status === 'CANCELLED')
      throw new AppError('SHOW_NOT_EDITABLE', `show ${showId} became ${now.status}`);
    if (now.pinnedProductId && !lineup.includes(now.pinnedProductId)) {
      throw new AppError('PRODUCT_PINNED', `pinned product ${now.pinnedProductId} removed from ${showId}`);
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
  if (show.status !== 'SCHEDULED') throw new AppError('RESCHEDULE_STARTED', `show ${showId} is ${show.status}`);
  const scheduledStart = futureStart(parse(localDateTimeSchema.safeParse(startLocal)), brand.timeZone, now);
  if (scheduledStart.getTime() === show.scheduledStart.getTime()) return;
  // Conditional on the status: a host going live at this moment wins.
  const moved = await db.$transaction(async (tx) => {
    const result = await tx.show.updateMany({ where: { id: showId, status: 'SCHEDULED' }, data: { scheduledStart } });
    // A moved show is scheduled again, for its new start.
    if (result.count === 1) await recordShowEvent(tx, showId, 'show.scheduled', { previousStart: show.scheduledStart.toISOString() });
    return result;
  });
  if (moved.count === 0) throw new AppError('RESCHEDULE_STARTED', `show ${showId} left SCHEDULED`);
  await announceShowChange(db, showId, { kind: 'rescheduled', previousStart: show.scheduledStart });
  await scheduleShowReminders(db, showId);
}

export async function cancelShow(db: Db, actor: Actor, slug: string, showId: string, reason: string): Promise<void> {
  const { show } = await requireBrandShow(db, actor, slug, showId);
  const cancelReason = parse(cancelReasonSchema.safeParse(reason));
  if (show.status === 'CANCELLED') return;
  if (show.status !== 'SCHEDULED') throw new AppError('CANCEL_STARTED', `show ${showId} is ${show.status}`);
  const cancelled = await db.show.updateMany({
    where: { id: showId, status: 'SCHEDULED' },
    data: { status: 'CANCELLED', cancelledAt: new Date(), cancelReason },
  });
  if (cancelled.count === 0) throw new AppError('CANCEL_STARTED', `show ${showId} left SCHEDULED`);
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
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
  if (show.hostId !== actor.userId) throw new AppError('INVITE_NOT_YOURS', `user ${actor.userId} was not invited to host ${showId}`);
  if (show.status !== 'SCHEDULED') throw new AppError('INVITE_ANSWER_STARTED', `show ${showId} is ${show.status}`);
  const next = answer === 'accept' ? 'ACCEPTED' : 'DECLINED';
  if (show.hostInviteStatus === next) return;
  if (show.hostInviteStatus === 'DECLINED') throw new AppError('INVITE_DECLINED_BEFORE', `host declined ${showId} before`);
  const updated = await db.show.updateMany({
    where: { id: showId, hostId: actor.userId, status: 'SCHEDULED', hostInviteStatus: show.hostInviteStatus },
    data: { hostInviteStatus: next },
  });
  if (updated.count === 0) throw new AppError('SHOW_CHANGED', `show ${showId} changed while answering`);
  // A host who declines loses the studio at once: their sockets reconnect as viewers of this show.
  if (next === 'DECLINED') announceAccountEvent({ kind: 'roles-changed', userId: actor.userId });
  if (next === 'ACCEPTED') await scheduleShowReminders(db, showId);
  if (publicUrl) await emailBrandOfHostAnswer(db, showId, next, publicUrl);
}
