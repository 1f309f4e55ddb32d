import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/app/_lib/action';
import { getWallet } from '@/server/domain/wallet';
import { countryName } from '@/server/domain/wallet.schema';
import { services } from '@/server/services';
import { SiteHeader } from '../../_components/site-header';
import { EmptyState, PageHeading } from '../../_components/ui';
import { AddAddressForm, AddCardForm, ItemButton } from './wallet-forms';

export const metadata: Metadata = { title: 'Addresses and cards' };
export const dynamic = 'force-dynamic';

function DefaultBadge() {
  return <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800">Default</span>;
}

function Section({ id, title, description, children }: { id: string; title: string; description: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4 rounded-2xl border border-neutral-200 bg-white p-5">
      <div>
        <h2 id={id} className="text-lg font-bold">{title}</h2>
        <p className="text-sm text-neutral-600">{description}</p>
      </div>
      {children}
    </section>
  );
}

export default async function WalletPage() {
  const user = await requirePageUser('/account/wallet');
  const wallet = await getWallet(services().db, { userId: user.id, name: user.name });
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-2xl space-y-6 px-4 py-8">
        <PageHeading
          title="Addresses and cards"
          description="Buy now in a live show uses your defaults, in one tap."
          actions={<Link href="/account" className="self-center text-sm font-semibold text-brand-700 underline">Back to your account</Link>}
        />
        <Section id="addresses-heading" title="Shipping addresses" description="Where your orders go.">
          {wallet.addresses.length === 0 ? (
            <EmptyState title="No address yet">Add one below to buy in one tap.</EmptyState>
          ) : (
            <ul className="divide-y divide-neutral-200">
              {wallet.addresses.map((a) => {
                const what = `${a.line1}, ${a.city}`;
                return (
                  <li key={a.id} className="flex flex-wrap items-start justify-between gap-3 py-3" data-testid="wallet-address">
                    <address className="text-sm not-italic">
                      <span className="font-semibold">{a.fullName}</span> {a.isDefault && <DefaultBadge />}
                      <br />
                      {a.line1}
                      {a.line2 && `, ${a.line2}`}
                      <br />
                      {[a.postalCode, a.city, a.region].filter(Boolean).join(' ')} · {countryName(a.country)}
                      {a.phone && <><br />{a.phone}</>}
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
          <details className="rounded-xl bg-neutral-50 p-4">
            <summary className="cursor-pointer font-semibold">Add an address</summary>
            <div className="mt-4">
              <AddAddressForm />
            </div>
          </details>
        </Section>
        <Section id="cards-heading" title="Cards" description="We keep only a token from the payment provider, the card type, its last four digits and expiry — never the card number.">
          {wallet.cards.length === 0 ? (
            <EmptyState title="No card yet">Add one below to buy in one tap.</EmptyState>
          ) : (
            <ul className="divide-y divide-neutral-200">
              {wallet.cards.map((c) => {
                const what = `${c.brand} ending ${c.last4}`;
                return (
                  <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="wallet-card">
                    <p className="text-sm">
                      <span className="font-semibold capitalize">{c.brand}</span> ending {c.last4} · expires {String(c.expMonth).padStart(2, '0')}/{c.expYear} {c.isDefault && <DefaultBadge />}
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
          <details className="rounded-xl bg-neutral-50 p-4">
            <summary className="cursor-pointer font-semibold">Add a card</summary>
            <div className="mt-4">
              <AddCardForm />
            </div>
          </details>
        </Section>
      </main>
    </>
  );
}
