import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '@/app/_i18n/server';
import type { Translate } from '@/app/_i18n/translate';
import { requirePageUser } from '@/app/_lib/action';
import { getWallet } from '@/server/domain/payments';
import { services } from '@/server/services';
import { SiteHeader } from '../../_components/site-header';
import { EmptyState, PageHeading } from '../../_components/ui';
import { AddAddressForm, AddCardForm, ItemButton } from './wallet-forms';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('commerce.wallet.title') };
}

// Card networks keep their own names in every language; an unknown one is just "card".
const NETWORK_NAMES: Record<string, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover' };
const networkName = (brand: string, t: Translate) => NETWORK_NAMES[brand] ?? t('commerce.wallet.cards.genericBrand');

function DefaultBadge({ t }: { t: Translate }) {
  return (
    <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800">
      {t('commerce.wallet.defaultBadge')}
    </span>
  );
}

function Section({ id, title, description, children }: { id: string; title: string; description: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4 rounded-2xl border border-neutral-200 bg-white p-5">
      <div>
        <h2 id={id} className="text-lg font-bold">
          {title}
        </h2>
        <p className="text-sm text-neutral-600">{description}</p>
      </div>
      {children}
    </section>
  );
}

export default async function WalletPage() {
  const user = await requirePageUser('/account/wallet');
  const wallet = await getWallet(services().db, { userId: user.id, name: user.name });
  const { t, intl } = await getI18n();
  const regions = new Intl.DisplayNames([intl, 'en'], { type: 'region' });
  const countryName = (code: string) => regions.of(code) ?? code;
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-2xl space-y-6 px-4 py-8">
        <PageHeading
          title={t('commerce.wallet.title')}
          description={t('commerce.wallet.description')}
          actions={
            <Link href="/account" className="self-center text-sm font-semibold text-brand-700 underline">
              {t('commerce.wallet.back')}
            </Link>
          }
        />
        <Section
          id="addresses-heading"
          title={t('commerce.wallet.addresses.heading')}
          description={t('commerce.wallet.addresses.description')}
        >
          {wallet.addresses.length === 0 ? (
            <EmptyState title={t('commerce.wallet.addresses.emptyTitle')}>{t('commerce.wallet.addresses.emptyBody')}</EmptyState>
          ) : (
            <ul className="divide-y divide-neutral-200" aria-labelledby="addresses-heading">
              {wallet.addresses.map((a) => {
                const what = `${a.line1}, ${a.city}`;
                return (
                  <li key={a.id} className="flex flex-wrap items-start justify-between gap-3 py-3" data-testid="wallet-address">
                    <address className="text-sm not-italic">
                      <span className="font-semibold">{a.fullName}</span> {a.isDefault && <DefaultBadge t={t} />}
                      <br />
                      {a.line1}
                      {a.line2 && `, ${a.line2}`}
                      <br />
                      {[a.postalCode, a.city, a.region].filter(Boolean).join(' ')} · {countryName(a.country)}
                      {a.phone && (
                        <>
                          <br />
                          {a.phone}
                        </>
                      )}
                    </address>
                    <div className="flex gap-2">
                      {!a.isDefault && <ItemButton kind="address:default" id={a.id} what={what} />}
                      <ItemButton kind="address:remove" id={a.id} what={what} />
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
          <details className="rounded-xl bg-neutral-50 p-4" open={wallet.addresses.length === 0}>
            <summary className="cursor-pointer font-semibold">{t('commerce.wallet.addresses.add')}</summary>
            <div className="mt-4">
              <AddAddressForm />
            </div>
          </details>
        </Section>
        <Section id="cards-heading" title={t('commerce.wallet.cards.heading')} description={t('commerce.wallet.cards.description')}>
          {wallet.cards.length === 0 ? (
            <EmptyState title={t('commerce.wallet.cards.emptyTitle')}>{t('commerce.wallet.cards.emptyBody')}</EmptyState>
          ) : (
            <ul className="divide-y divide-neutral-200" aria-labelledby="cards-heading">
              {wallet.cards.map((c) => {
                const what = t('commerce.wallet.cards.name', { brand: networkName(c.brand, t), last4: c.last4 });
                const expiry = `${String(c.expMonth).padStart(2, '0')}/${c.expYear}`;
                return (
                  <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="wallet-card">
                    <p className="text-sm">
                      <span className="font-semibold">{what}</span> · {t('commerce.wallet.cards.expires', { expiry })}{' '}
                      {c.isDefault && <DefaultBadge t={t} />}
                    </p>
                    <div className="flex gap-2">
                      {!c.isDefault && <ItemButton kind="card:default" id={c.id} what={what} />}
                      <ItemButton kind="card:remove" id={c.id} what={what} />
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
          <details className="rounded-xl bg-neutral-50 p-4" open={wallet.cards.length === 0}>
            <summary className="cursor-pointer font-semibold">{t('commerce.wallet.cards.add')}</summary>
            <div className="mt-4">
              <AddCardForm />
            </div>
          </details>
        </Section>
      </main>
    </>
  );
}
