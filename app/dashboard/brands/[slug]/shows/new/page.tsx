import type { Metadata } from 'next';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { PageHeading } from '@/app/_components/ui';
import { requireBrandMember } from '@/server/domain/brands';
import { listLineupCandidates } from '@/server/domain/shows';
import { services } from '@/server/services';
import { createShowAction } from '../actions';
import { ShowForm } from '../show-form';
import { zoneCity } from '@/app/_lib/zone-city';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('dashboard.shows.newShow') };
}

export default async function NewShowPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/dashboard/brands/${slug}/shows/new`);
  const actor = { userId: user.id, name: user.name };
  const db = services().db;
  // Non-members get the 404 page, whichever of layout and page fails first.
  const [brand, candidates] = await orNotFound(
    Promise.all([requireBrandMember(db, actor, { slug }), listLineupCandidates(db, actor, slug)]),
  );
  const { t } = await getI18n();
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeading
        title={t('dashboard.shows.newShow')}
        description={t('dashboard.shows.newDescription', { brand: brand.name, zone: zoneCity(brand.timeZone) })}
      />
      <ShowForm
        action={createShowAction.bind(null, slug)}
        values={{
          title: '',
          description: '',
          coverImageUrl: '',
          plannedDurationMinutes: 60,
          commissionPercent: 10,
          recordingEnabled: true,
          assistantEnabled: true,
          lineup: [],
        }}
        candidates={candidates}
        creation={{ timeZone: brand.timeZone }}
      />
    </div>
  );
}
