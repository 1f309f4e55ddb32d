'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { errorText } from '@/app/_i18n/error-text';
import { getI18n } from '@/app/_i18n/server';
import { LOCALES } from '@/app/_i18n/locales';
import { formAction, type ActionState } from '@/app/_lib/action';
import { requireBrandMember } from '@/server/domain/brands';
import { createCampaign, previewSegmentCount, unscheduleCampaign, type CampaignInput } from '@/server/domain/campaigns';
import { countryCodesOf } from '@/server/domain/country-names';
import { AppError } from '@/server/domain/errors';
import { zonedLocalToUtc } from '@/server/domain/zoned-time';
import { services } from '@/server/services';

// The form posts flat fields ("subject.km", "lang.mn"); these turn them into the domain's input, which
// validates the campaign itself (server/domain/campaigns/campaigns.ts, campaignInputSchema).
const text = (max: number) => z.string().max(max).default('');
const checkbox = z.literal('on').optional();
const perLocale = (prefix: string, max: number) => Object.fromEntries(LOCALES.map((l) => [`${prefix}.${l}`, text(max)]));

const campaignFormSchema = z.object({
  slug: z.string().min(1).max(60),
  name: text(120),
  followers: checkbox,
  attended: checkbox,
  boughtWithinDays: text(5),
  countries: text(200),
  defaultLocale: z.enum(LOCALES).default('en'),
  splitPercentB: text(3),
  trackOpens: checkbox,
  trackClicks: checkbox,
  sendAt: text(20),
  ...Object.fromEntries(LOCALES.map((l) => [`lang.${l}`, checkbox])),
  ...perLocale('subject', 200),
  ...perLocale('subjectB', 200),
  ...perLocale('body', 20_000),
});
type CampaignForm = z.infer<typeof campaignFormSchema>;

/** Countries as people type them ("Cambodia, ລາວ, MN"); one that names no country is refused by name. */
function countriesOf(text: string): string[] {
  const { codes, unknown } = countryCodesOf(text);
  if (unknown.length) throw new AppError('CAMPAIGN_COUNTRY_UNKNOWN', { name: unknown[0] ?? '' });
  return codes;
}

function segmentOf(input: CampaignForm) {
  const values = input as Record<string, string | undefined>;
  const days = Number.parseInt(input.boughtWithinDays, 10);
  return {
    followers: input.followers === 'on',
    attendedWithoutBuying: input.attended === 'on',
    boughtWithinDays: Number.isFinite(days) && days > 0 ? days : null,
    languages: LOCALES.filter((l) => values[`lang.${l}`] === 'on'),
    countries: countriesOf(input.countries),
  };
}

function templatesOf(input: CampaignForm): CampaignInput['templates'] {
  const values = input as Record<string, string | undefined>;
  const templates: CampaignInput['templates'] = {};
  for (const l of LOCALES) {
    const subject = values[`subject.${l}`]?.trim() ?? '';
    const body = values[`body.${l}`]?.trim() ?? '';
    const subjectB = values[`subjectB.${l}`]?.trim();
    if (subject || body) templates[l] = { subject, body, ...(subjectB ? { subjectB } : {}) };
  }
  return templates;
}

const path = (slug: string) => `/dashboard/brands/${slug}/campaigns`;

export async function createCampaignAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(campaignFormSchema, form, async (input, user) => {
    const actor = { userId: user.id, name: user.name };
    const brand = await requireBrandMember(services().db, actor, { slug: input.slug });
    let sendAt: Date | null = null;
    if (input.sendAt) {
      const zoned = zonedLocalToUtc(input.sendAt, brand.timeZone);
      if (!zoned.ok) throw new AppError('INVALID_FIELD', { field: 'sendAt' });
      sendAt = zoned.instant;
    }
    await createCampaign(services().db, actor, input.slug, {
      name: input.name,
      segment: segmentOf(input),
      templates: templatesOf(input),
      defaultLocale: input.defaultLocale,
      splitPercentB: Number.parseInt(input.splitPercentB, 10) || 0,
      trackOpens: input.trackOpens === 'on',
      trackClicks: input.trackClicks === 'on',
      sendAt,
    });
    revalidatePath(path(input.slug));
  });
  return state.ok ? state : { ...state, message: errorText(t, state) };
}

/** The count preview, as a sentence: how many would get the campaign as the form stands, and how many lack consent. */
export async function countSegmentAction(form: FormData): Promise<string> {
  const { t } = await getI18n();
  let sentence = '';
  const outcome = await formAction(campaignFormSchema, form, async (input, user) => {
    const count = await previewSegmentCount(services().db, { userId: user.id, name: user.name }, input.slug, segmentOf(input));
    sentence = t('campaigns.dashboard.count', { count: count.reachable, withoutConsent: count.withoutConsent });
  });
  return outcome.ok ? sentence : errorText(t, outcome);
}

const unscheduleSchema = z.object({ slug: z.string().min(1).max(60), id: z.string().min(1).max(64) });

export async function unscheduleCampaignAction(form: FormData): Promise<void> {
  // A campaign that started sending meanwhile simply stays as it is: the page shows its new state.
  await formAction(unscheduleSchema, form, async (input, user) => {
    await unscheduleCampaign(services().db, { userId: user.id, name: user.name }, input.slug, input.id);
    revalidatePath(path(input.slug));
  });
}
