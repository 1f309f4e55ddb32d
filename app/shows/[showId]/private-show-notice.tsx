import { PlainAnchor } from '../../_components/anchor';
import { getI18n } from '@/app/_i18n/server';
import { PlainSiteHeader } from '../../_components/plain-site-header';

/** What a visitor the show refuses (FORBIDDEN: a private show, or a rehearsal) reads instead of the player. */
export async function PrivateShowNotice({ brand, rehearsal, signedIn }: { brand: string; rehearsal: boolean; signedIn: boolean }) {
  const { t } = await getI18n();
  return (
    <>
      <PlainSiteHeader />
      <main
        className="mx-auto max-w-xl space-y-4 px-4 py-16 text-center"
        data-refusal={rehearsal ? 'REHEARSAL_STAFF_ONLY' : 'SHOW_PRIVATE'}
      >
        <h1 className="text-2xl font-bold tracking-tight">
          {t(rehearsal ? 'discovery.private.rehearsalTitle' : 'discovery.private.title')}
        </h1>
        <p role="status" className="text-neutral-700">
          {rehearsal ? t('discovery.private.rehearsal', { brand }) : t('discovery.private.body', { brand })}
        </p>
        <p className="flex flex-wrap justify-center gap-4">
          {!signedIn && (
            <PlainAnchor href="/signin" className="font-semibold text-brand-700 underline">
              {t('discovery.private.signIn')}
            </PlainAnchor>
          )}
          <PlainAnchor href="/" className="font-semibold text-brand-700 underline">
            {t('discovery.private.seeOthers')}
          </PlainAnchor>
        </p>
      </main>
    </>
  );
}
