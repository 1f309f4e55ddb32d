// The 'campaign.send' job: turns a scheduled campaign into one CampaignMessage and one queued email per
// consenting member of its segment. The emails' run times are spread at CAMPAIGN_EMAILS_PER_MINUTE, so
// the queue itself is the rate limit and a restart loses nothing; the per-person keys make a retried
// job send nobody anything twice.
import type { JobHandler } from '../../jobs/context';
import { emailJobRow } from '../../mail/outbox';
import { recordBrandEvent } from '../events';
import { variantFor } from './ab-split';
import { templateFor, templatesSchema } from './campaigns';
import { marketingLinks } from './links';
import { renderCampaignEmail } from './render';
import { segmentMembers, segmentSchema } from './segments';

const BATCH = 500;

export const sendCampaignJob: JobHandler<'campaign.send'> = async ({ campaignId, sendAt }, ctx) => {
  const { db, env } = ctx;
  const claimed = await db.campaign.updateMany({
    where: { id: campaignId, status: 'SCHEDULED', sendAt: new Date(sendAt) },
    data: { status: 'SENDING' },
  });
  const campaign = await db.campaign.findUnique({ where: { id: campaignId } });
  // Not claimed and not ours to resume (moved, taken back to a draft, deleted, already sent): moot.
  if (!campaign || (claimed.count === 0 && !(campaign.status === 'SENDING' && campaign.sendAt?.toISOString() === sendAt))) return 'discard';
  const templates = templatesSchema.parse(campaign.templates);
  const members = await segmentMembers(db, campaign.brandId, segmentSchema.parse(campaign.segment));
  const startMs = Date.now();
  const spacingMs = 60_000 / env.CAMPAIGN_EMAILS_PER_MINUTE;
  let queued = 0;
  for (let from = 0; from < members.length; from += BATCH) {
    const batch = members.slice(from, from + BATCH);
    await db.campaignMessage.createMany({
      data: batch.map((m) => ({ campaignId, userId: m.userId, variant: variantFor(campaignId, m.userId, campaign.splitPercentB) })),
      skipDuplicates: true,
    });
    const messages = await db.campaignMessage.findMany({
      where: { campaignId, userId: { in: batch.map((m) => m.userId) } },
      select: { id: true, userId: true, variant: true },
    });
    const byUser = new Map(messages.map((m) => [m.userId, m]));
    const jobs = batch.flatMap((member, i) => {
      const message = byUser.get(member.userId);
      const template = templateFor(templates, campaign.defaultLocale, member.locale);
      if (!message || !template) return [];
      const links = marketingLinks(
        env.PUBLIC_URL,
        env.AUTH_SECRET,
        { userId: member.userId, messageId: message.id },
        { opens: campaign.trackOpens, clicks: campaign.trackClicks },
      );
      const subject = message.variant === 'B' ? (template.subjectB ?? template.subject) : template.subject;
      const rendered = renderCampaignEmail(member.locale, subject, template.body, links);
      const row = emailJobRow({
        ...rendered,
        dedupeKey: `campaign:${campaignId}:${member.userId}`,
        to: member.email,
        kind: 'campaign',
        listUnsubscribeUrl: links.oneClickUrl,
      });
      return [{ ...row, runAt: new Date(startMs + Math.floor((from + i) * spacingMs)) }];
    });
    await db.job.createMany({ data: jobs, skipDuplicates: true });
    queued += jobs.length;
  }
  const variants = await db.campaignMessage.groupBy({ by: ['variant'], where: { campaignId }, _count: { _all: true } });
  await db.$transaction(async (tx) => {
    const { count } = await tx.campaign.updateMany({
      where: { id: campaignId, status: 'SENDING' },
      data: { status: 'SENT', sentAt: new Date() },
    });
    if (count === 1) {
      await recordBrandEvent(tx, campaign.brandId, 'campaign.sent', {
        campaignId,
        recipients: variants.reduce((sum, v) => sum + v._count._all, 0),
        variants: Object.fromEntries(variants.map((v) => [v.variant, v._count._all])),
      });
    }
  });
  ctx.log.info({ campaignId, members: members.length, queued }, 'campaign queued for sending');
  return 'done';
};
