// A brand's campaigns: written as drafts, scheduled (a 'campaign.send' job due at the send time),
// previewed, and read back with their results per subject variant.
import { z } from 'zod';
import { enqueueJob } from '../../jobs/queue';
import type { Prisma } from '../../db/client';
import { requireBrandMember } from '../brands';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import type { CampaignVariant } from './ab-split';
import { renderCampaignEmail } from './render';
import { CAMPAIGN_LOCALES, countSegment, segmentSchema, type CampaignLocale, type Segment, type SegmentCount } from './segments';

const templateSchema = z.object({
  subject: z.string().trim().min(1).max(200),
  subjectB: z.string().trim().max(200).optional(),
  body: z.string().trim().min(1).max(20_000),
});
export type CampaignTemplate = z.infer<typeof templateSchema>;
export const templatesSchema = z.partialRecord(z.enum(CAMPAIGN_LOCALES), templateSchema);
export type CampaignTemplates = z.infer<typeof templatesSchema>;

export const campaignInputSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    segment: segmentSchema,
    templates: templatesSchema,
    defaultLocale: z.enum(CAMPAIGN_LOCALES),
    splitPercentB: z.number().int().min(0).max(100).default(0),
    trackOpens: z.boolean().default(true),
    trackClicks: z.boolean().default(true),
    /** Null: kept as a draft. */
    sendAt: z.date().nullable().default(null),
  })
  .refine((c) => c.templates[c.defaultLocale] !== undefined, { path: ['templates'], message: 'the default language needs a text' })
  .refine((c) => c.splitPercentB === 0 || Object.values(c.templates).every((t) => t?.subjectB), {
    path: ['subjectB'],
    message: 'an A/B test needs subject B in every language',
  });
export type CampaignInput = z.input<typeof campaignInputSchema>;

function parseInput(input: CampaignInput) {
  const parsed = campaignInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_FIELD', { field: String(parsed.error.issues[0]?.path.at(-1) ?? 'campaign') });
  return parsed.data;
}

/** A new campaign; scheduled at once when it has a send time. */
export async function createCampaign(db: Db, actor: Actor, brandSlug: string, input: CampaignInput): Promise<{ id: string }> {
  const brand = await requireBrandMember(db, actor, { slug: brandSlug });
  const data = parseInput(input);
  const campaign = await db.campaign.create({
    data: {
      brandId: brand.brandId,
      name: data.name,
      segment: data.segment as Prisma.InputJsonObject,
      templates: data.templates as Prisma.InputJsonObject,
      defaultLocale: data.defaultLocale,
      splitPercentB: data.splitPercentB,
      trackOpens: data.trackOpens,
      trackClicks: data.trackClicks,
    },
    select: { id: true },
  });
  if (data.sendAt) await scheduleCampaign(db, actor, brandSlug, campaign.id, data.sendAt);
  return campaign;
}

async function ownCampaign(db: Db, actor: Actor, brandSlug: string, campaignId: string) {
  const brand = await requireBrandMember(db, actor, { slug: brandSlug });
  const campaign = await db.campaign.findFirst({ where: { id: campaignId, brandId: brand.brandId } });
  if (!campaign) throw new AppError('NOT_FOUND', `campaign ${campaignId} not in ${brandSlug}`);
  return { brand, campaign };
}

/** Schedules (or moves) the send. The job names the send time, so a job for an earlier time finds it moved and does nothing. */
export async function scheduleCampaign(db: Db, actor: Actor, brandSlug: string, campaignId: string, sendAt: Date): Promise<void> {
  const { campaign } = await ownCampaign(db, actor, brandSlug, campaignId);
  if (campaign.status === 'SENDING' || campaign.status === 'SENT')
    throw new AppError('INVALID_STATE', `campaign ${campaignId} already sent`);
  const { count } = await db.campaign.updateMany({
    where: { id: campaignId, status: { in: ['DRAFT', 'SCHEDULED'] } },
    data: { status: 'SCHEDULED', sendAt },
  });
  if (count === 0) throw new AppError('INVALID_STATE', `campaign ${campaignId} started sending meanwhile`);
  const at = sendAt.toISOString();
  await enqueueJob(db, {
    kind: 'campaign.send',
    payload: { campaignId, sendAt: at },
    runAt: sendAt,
    dedupeKey: `campaign-send:${campaignId}:${at}`,
  });
}

/** Takes a scheduled campaign back to a draft; its pending job then does nothing. */
export async function unscheduleCampaign(db: Db, actor: Actor, brandSlug: string, campaignId: string): Promise<void> {
  await ownCampaign(db, actor, brandSlug, campaignId);
  const { count } = await db.campaign.updateMany({
    where: { id: campaignId, status: 'SCHEDULED' },
    data: { status: 'DRAFT', sendAt: null },
  });
  if (count === 0) throw new AppError('INVALID_STATE', `campaign ${campaignId} is not scheduled`);
}

export interface VariantResults {
  variant: CampaignVariant;
  subject: string;
  sent: number;
  opened: number;
  clicked: number;
  unsubscribed: number;
}

export interface CampaignSummary {
  id: string;
  name: string;
  status: 'DRAFT' | 'SCHEDULED' | 'SENDING' | 'SENT';
  sendAt: Date | null;
  sentAt: Date | null;
  trackOpens: boolean;
  trackClicks: boolean;
  splitPercentB: number;
  defaultLocale: CampaignLocale;
  segment: Segment;
  templates: CampaignTemplates;
  results: VariantResults[];
}

/** The brand's campaigns, newest first, with sent / opened / clicked / unsubscribed per variant. */
export async function listCampaigns(db: Db, actor: Actor, brandSlug: string): Promise<CampaignSummary[]> {
  const brand = await requireBrandMember(db, actor, { slug: brandSlug });
  const campaigns = await db.campaign.findMany({ where: { brandId: brand.brandId }, orderBy: { createdAt: 'desc' }, take: 50 });
  const ids = campaigns.map((c) => c.id);
  const counts = ids.length
    ? await db.$queryRaw<
        { campaignId: string; variant: CampaignVariant; sent: number; opened: number; clicked: number; unsubscribed: number }[]
      >`
        SELECT "campaignId", "variant", count(*)::int AS "sent", count("openedAt")::int AS "opened",
               count("clickedAt")::int AS "clicked", count("unsubscribedAt")::int AS "unsubscribed"
          FROM "CampaignMessage" WHERE "campaignId" = ANY(${ids}) GROUP BY "campaignId", "variant"`
    : [];
  return campaigns.map((c) => {
    const templates = templatesSchema.parse(c.templates);
    const defaultLocale = z.enum(CAMPAIGN_LOCALES).catch('en').parse(c.defaultLocale);
    const main = templates[defaultLocale];
    const variants: CampaignVariant[] = c.splitPercentB > 0 ? ['A', 'B'] : ['A'];
    return {
      id: c.id,
      name: c.name,
      status: c.status,
      sendAt: c.sendAt,
      sentAt: c.sentAt,
      trackOpens: c.trackOpens,
      trackClicks: c.trackClicks,
      splitPercentB: c.splitPercentB,
      defaultLocale,
      segment: segmentSchema.parse(c.segment),
      templates,
      results: variants.map((variant) => {
        const row = counts.find((r) => r.campaignId === c.id && r.variant === variant);
        return {
          variant,
          subject: (variant === 'B' ? main?.subjectB : main?.subject) ?? '',
          sent: row?.sent ?? 0,
          opened: row?.opened ?? 0,
          clicked: row?.clicked ?? 0,
          unsubscribed: row?.unsubscribed ?? 0,
        };
      }),
    };
  });
}

/** The segment's count preview for the dashboard. */
export async function previewSegmentCount(db: Db, actor: Actor, brandSlug: string, segment: unknown): Promise<SegmentCount> {
  const brand = await requireBrandMember(db, actor, { slug: brandSlug });
  const parsed = segmentSchema.safeParse(segment);
  if (!parsed.success) throw new AppError('INVALID_FIELD', { field: 'segment' });
  return countSegment(db, brand.brandId, parsed.data);
}

/** The template a recipient gets: their language's, else the campaign's default language's. */
export function templateFor(templates: CampaignTemplates, defaultLocale: string, locale: string | null): CampaignTemplate | undefined {
  const own = locale && (CAMPAIGN_LOCALES as readonly string[]).includes(locale) ? templates[locale as CampaignLocale] : undefined;
  return own ?? templates[defaultLocale as CampaignLocale];
}

/** The email as a recipient in `locale` would read it, with inert links (nothing is tracked). */
export async function previewCampaignEmail(db: Db, actor: Actor, brandSlug: string, campaignId: string, locale: string) {
  const { campaign } = await ownCampaign(db, actor, brandSlug, campaignId);
  const template = templateFor(templatesSchema.parse(campaign.templates), campaign.defaultLocale, locale);
  if (!template) throw new AppError('NOT_FOUND', `campaign ${campaignId} has no text`);
  const links = { unsubscribePageUrl: '#', oneClickUrl: '#', openPixelUrl: null, track: (url: string) => url };
  return { subjectB: template.subjectB ?? null, ...renderCampaignEmail(locale, template.subject, template.body, links) };
}
