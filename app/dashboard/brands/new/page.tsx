import type { Metadata } from 'next';
import { requirePageUser } from '@/app/_lib/action';
import { SiteHeader } from '../../../_components/site-header';
import { PageHeading } from '../../../_components/ui';
import { BrandForm } from './brand-form';

export const metadata: Metadata = { title: 'New brand' };

export default async function NewBrandPage() {
  await requirePageUser('/dashboard/brands/new');
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-lg space-y-6 px-4 py-8">
        <PageHeading title="Start a brand" description="You will be its owner and can invite your team." />
        <BrandForm timeZones={Intl.supportedValuesOf('timeZone')} />
      </main>
    </>
  );
}
