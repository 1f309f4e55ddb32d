import type { Metadata } from 'next';
import { getI18n } from '@/app/_i18n/server';
import { LOCALE_NAMES, LOCALES, type Locale } from '@/app/_i18n/locales';
import { requirePageUser } from '@/app/_lib/action';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { requireBrandMember } from '@/server/domain/brands';
import { listCampaigns, previewCampaignEmail, type CampaignSummary } from '@/server/domain/campaigns';
import { services } from '@/server/services';
import { PageHeading, secondaryButtonClass } from '../../../../_components/ui';
import { unscheduleCampaignAction } from './actions';
import { CampaignForm, type CampaignFormText } from './campaign-form';
import { zoneCity } from '@/app/_lib/zone-city';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('campaigns.dashboard.title') };
}
export const dynamic = 'force-dynamic';

/** A brand's campaigns (issue 20 item 3): the list with results per subject variant, a preview, and the form for a new one. */
export default async function BrandCampaignsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ preview?: string; lang?: string }>;
}) {
  const { slug } = await params;
  const { preview, lang } = await searchParams;
  const user = await requirePageUser(`/dashboard/brands/${slug}/campaigns`);
  const actor = { userId: user.id, name: user.name };
  const { db } = services();
  const [brand, campaigns] = await Promise.all([
    orNotFound(requireBrandMember(db, actor, { slug })),
    orNotFound(listCampaigns(db, actor, slug)),
  ]);
  const previewLocale: Locale = (LOCALES as readonly string[]).includes(lang ?? '') ? (lang as Locale) : 'en';
  const previewed = preview ? await previewCampaignEmail(db, actor, slug, preview, previewLocale).catch(() => null) : null;
  const { t, format } = await getI18n();
  const languages = LOCALES.map((locale) => ({ locale, name: LOCALE_NAMES[locale] }));
  const d = (key: Exclude<keyof CampaignFormText, never>) =>
    t(`campaigns.dashboard.${key}`, key === 'sendAt' ? { zone: zoneCity(brand.timeZone) } : {});
  const text: CampaignFormText = {
    newHeading: d('newHeading'),
    name: d('name'),
    segmentHeading: d('segmentHeading'),
    followers: d('followers'),
    attended: d('attended'),
    boughtWithin: d('boughtWithin'),
    languages: d('languages'),
    countries: d('countries'),
    countButton: d('countButton'),
    messageHeading: d('messageHeading'),
    defaultLocale: d('defaultLocale'),
    subject: d('subject'),
    subjectB: d('subjectB'),
    body: d('body'),
    splitB: d('splitB'),
    trackOpens: d('trackOpens'),
    trackClicks: d('trackClicks'),
    sendAt: d('sendAt'),
    create: d('create'),
  };
  const statusOf = (c: CampaignSummary) => {
    const at = c.status === 'SENT' ? c.sentAt : c.sendAt;
    return t(`campaigns.dashboard.status.${c.status}`, { at: at ? format.dateTime(at, 'dateTime', brand.timeZone) : '' });
  };
  return (
    <div className="space-y-8">
      <PageHeading title={t('campaigns.dashboard.title')} description={t('campaigns.dashboard.intro')} />
      <section className="space-y-3" aria-label={t('campaigns.dashboard.results')}>
        {campaigns.length === 0 && <p className="text-neutral-600">{t('campaigns.dashboard.empty')}</p>}
        {campaigns.map((c) => (
          <article key={c.id} className="space-y-2 rounded-2xl border border-neutral-200 bg-white p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-semibold">{c.name}</h2>
              <span className="text-sm text-neutral-600">{statusOf(c)}</span>
            </div>
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left text-neutral-600">
                  <th className="py-1 font-medium">{t('campaigns.dashboard.results')}</th>
                  <th className="py-1 text-right font-medium">{t('campaigns.dashboard.sent')}</th>
                  <th className="py-1 text-right font-medium">{t('campaigns.dashboard.opened')}</th>
                  <th className="py-1 text-right font-medium">{t('campaigns.dashboard.clicked')}</th>
                  <th className="py-1 text-right font-medium">{t('campaigns.dashboard.unsubscribed')}</th>
                </tr>
              </thead>
              <tbody>
                {c.results.map((r) => (
                  <tr key={r.variant} className="border-t border-neutral-100">
                    <th scope="row" className="py-1 text-left font-normal">
                      <span className="block font-medium">{t('campaigns.dashboard.variant', { variant: r.variant })}</span>
                      <span className="block break-words text-neutral-600">{r.subject}</span>
                    </th>
                    <td className="py-1 text-right tabular-nums">{format.number(r.sent)}</td>
                    <td className="py-1 text-right tabular-nums">{c.trackOpens ? format.number(r.opened) : '—'}</td>
                    <td className="py-1 text-right tabular-nums">{c.trackClicks ? format.number(r.clicked) : '—'}</td>
                    <td className="py-1 text-right tabular-nums">{format.number(r.unsubscribed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="flex flex-wrap gap-2">
              {languages
                .filter((l) => c.templates[l.locale])
                .map((l) => (
                  <a key={l.locale} href={`?preview=${c.id}&lang=${l.locale}`} className={secondaryButtonClass}>
                    {t('campaigns.dashboard.previewOf', { language: l.name })}
                  </a>
                ))}
              {c.status === 'SCHEDULED' && (
                <form action={unscheduleCampaignAction}>
                  <input type="hidden" name="slug" value={slug} />
                  <input type="hidden" name="id" value={c.id} />
                  <button type="submit" className={secondaryButtonClass}>
                    {t('campaigns.dashboard.unschedule')}
                  </button>
                </form>
              )}
            </div>
            {previewed && preview === c.id && (
              <div className="space-y-2 rounded-lg bg-neutral-50 p-3" aria-label={t('campaigns.dashboard.preview')}>
                <p className="font-semibold">
                  {t('campaigns.dashboard.subject')}: {previewed.subject}
                </p>
                {previewed.subjectB && (
                  <p className="font-semibold">
                    {t('campaigns.dashboard.subjectB')}: {previewed.subjectB}
                  </p>
                )}
                <pre className="whitespace-pre-wrap break-words font-sans text-sm">{previewed.text}</pre>
              </div>
            )}
          </article>
        ))}
      </section>
      <section className="rounded-2xl border border-neutral-200 bg-white p-4 sm:p-5">
        <h2 className="mb-4 text-lg font-semibold">{t('campaigns.dashboard.newHeading')}</h2>
        <CampaignForm slug={slug} text={text} languages={languages} />
      </section>
    </div>
  );
}
