import type { Metadata } from 'next';
import { getI18n } from '@/app/_i18n/server';
import { rich } from '@/app/_i18n/rich';
import type { Translate } from '@/app/_i18n/translate';
import { EmptyState, TableScroller } from '@/app/_components/ui';
import { LocalTime } from '@/app/_components/local-time';
import { requirePageUser } from '@/app/_lib/action';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { listApiKeys, type ApiKeyRow } from '@/server/api/keys';
import { requireBrandMember } from '@/server/domain/brands';
import { BRAND_EVENT_TYPES } from '@/server/domain/events';
import type { Actor } from '@/server/domain/context';
import { listWebhookEndpoints, type WebhookDeliveryRow, type WebhookEndpointRow } from '@/server/domain/brands';
import { services } from '@/server/services';
import { CreateApiKeyForm, RevokeApiKeyButton } from './api-key-forms';
import { deliveryErrorText } from './messages';
import { CreateEndpointForm, EndpointControls, ReplayButton } from './webhook-forms';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('dashboard.tabs.developers') };
}

const code = (text: string) => <code className="font-mono">{text}</code>;

export default async function DevelopersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/dashboard/brands/${slug}/developers`);
  const actor: Actor = { userId: user.id, name: user.name };
  const { db, env } = services();
  const access = await orNotFound(requireBrandMember(db, actor, { slug }));
  const [keys, endpoints] = await Promise.all([listApiKeys(db, actor, slug), listWebhookEndpoints(db, actor, slug)]);
  const isOwner = access.role === 'OWNER';
  const apiBase = new URL('/api/v1', env.PUBLIC_URL).toString();
  const { t } = await getI18n();

  return (
    <div className="space-y-10">
      <section aria-labelledby="api-heading" className="space-y-3">
        <h2 id="api-heading" className="text-lg font-bold">
          {t('commerce.developers.api.heading')}
        </h2>
        <p className="text-sm text-neutral-700">
          {rich(t('commerce.developers.api.intro'), {
            brand: access.name,
            link: (
              <a href="/api/v1/openapi.json" className="font-semibold text-brand-600 underline">
                {t('commerce.developers.api.openapiLink')}
              </a>
            ),
          })}
        </p>
        {/* A region, so the scrollable example can take focus and be scrolled with the keyboard. */}
        <pre
          role="region"
          aria-label={t('commerce.developers.api.exampleLabel')}
          tabIndex={0}
          className="overflow-x-auto rounded-xl bg-neutral-900 p-3 text-xs text-neutral-100"
        >
          <code>{`curl -H "Authorization: Bearer lc_live_…" \\\n  "${apiBase}/orders?status=PAID&limit=20"`}</code>
        </pre>
      </section>

      <section aria-labelledby="keys-heading" className="space-y-3">
        <h2 id="keys-heading" className="text-lg font-bold">
          {t('commerce.developers.keys.heading')}
        </h2>
        {keys.length === 0 ? (
          <EmptyState title={t('commerce.developers.keys.emptyTitle')}>
            {isOwner ? t('commerce.developers.keys.emptyOwner') : t('commerce.developers.keys.emptyStaff')}
          </EmptyState>
        ) : (
          <KeyList slug={slug} keys={keys} isOwner={isOwner} t={t} />
        )}
        {isOwner ? <CreateApiKeyForm slug={slug} /> : <p className="text-sm text-neutral-600">{t('commerce.developers.keys.ownerOnly')}</p>}
      </section>

      <section aria-labelledby="webhooks-heading" className="space-y-3">
        <h2 id="webhooks-heading" className="text-lg font-bold">
          {t('commerce.developers.webhooks.heading')}
        </h2>
        <p className="text-sm text-neutral-700">
          {rich(t('commerce.developers.webhooks.intro'), {
            shape: code('{ id, type, createdAt, data }'),
            standard: (
              <a href="https://www.standardwebhooks.com/" className="underline" rel="noreferrer" target="_blank">
                Standard Webhooks
              </a>
            ),
            header: code('Webhook-Signature'),
            prefix: code('v1,'),
            signed: code('{Webhook-Id}.{Webhook-Timestamp}.{body}'),
            secretPrefix: code('whsec_'),
          })}
        </p>
        {endpoints.length === 0 ? (
          <EmptyState title={t('commerce.developers.webhooks.emptyTitle')}>
            {isOwner ? t('commerce.developers.webhooks.emptyOwner') : t('commerce.developers.webhooks.emptyStaff')}
          </EmptyState>
        ) : (
          <ul className="space-y-4">
            {endpoints.map((endpoint) => (
              <EndpointCard key={endpoint.id} slug={slug} endpoint={endpoint} isOwner={isOwner} t={t} />
            ))}
          </ul>
        )}
        {isOwner && <CreateEndpointForm slug={slug} eventTypes={BRAND_EVENT_TYPES} />}
      </section>
    </div>
  );
}

function KeyList({ slug, keys, isOwner, t }: { slug: string; keys: ApiKeyRow[]; isOwner: boolean; t: Translate }) {
  return (
    <ul className="divide-y divide-neutral-200 rounded-2xl border border-neutral-200 bg-white">
      {keys.map((key) => (
        <li key={key.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
          <div className="min-w-0">
            <p className="font-semibold">
              {key.name}{' '}
              {key.revokedAt && (
                <span className="ml-1 rounded-full bg-neutral-200 px-2 py-0.5 text-xs font-semibold text-neutral-800">
                  {t('commerce.developers.keys.revoked')}
                </span>
              )}
            </p>
            <p className="font-mono text-sm text-neutral-700">{key.prefix}…</p>
            <p className="text-sm text-neutral-600">{key.scopes.join(', ')}</p>
            <p className="text-xs text-neutral-600">
              {key.lastUsedAt
                ? rich(t('commerce.developers.keys.lastUsed'), { time: <LocalTime iso={key.lastUsedAt} /> })
                : t('commerce.developers.keys.neverUsed')}
            </p>
          </div>
          {isOwner && !key.revokedAt && <RevokeApiKeyButton slug={slug} keyId={key.id} name={key.name} />}
        </li>
      ))}
    </ul>
  );
}

function EndpointCard({ slug, endpoint, isOwner, t }: { slug: string; endpoint: WebhookEndpointRow; isOwner: boolean; t: Translate }) {
  const headingId = `endpoint-${endpoint.id}`;
  return (
    <li aria-labelledby={headingId} className="space-y-3 rounded-2xl border border-neutral-200 bg-white p-4">
      <div className="space-y-1">
        <p id={headingId} className="break-all font-mono text-sm font-semibold">
          {endpoint.url}
        </p>
        <p className="text-sm text-neutral-600">
          {endpoint.active ? t('commerce.developers.webhooks.active') : t('commerce.developers.webhooks.paused')} ·{' '}
          {endpoint.events.includes('*') ? (
            t('commerce.developers.webhooks.everyEvent')
          ) : (
            <span className="font-mono">{endpoint.events.join(', ')}</span>
          )}
        </p>
      </div>
      <EndpointControls slug={slug} endpointId={endpoint.id} active={endpoint.active} isOwner={isOwner} />
      {endpoint.deliveries.length === 0 ? (
        <p className="text-sm text-neutral-600">{t('commerce.developers.webhooks.noDeliveries')}</p>
      ) : (
        <TableScroller label={t('commerce.developers.webhooks.deliveriesCaption', { url: endpoint.url })}>
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">{t('commerce.developers.webhooks.deliveriesCaption', { url: endpoint.url })}</caption>
            <thead className="text-xs text-neutral-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t('commerce.developers.webhooks.columns.event')}
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t('commerce.developers.webhooks.columns.status')}
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t('commerce.developers.webhooks.columns.attempts')}
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t('commerce.developers.webhooks.columns.lastAttempt')}
                </th>
                <th scope="col" className="py-1 font-medium">
                  <span className="sr-only">{t('commerce.developers.webhooks.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {endpoint.deliveries.map((delivery) => (
                <DeliveryRow key={delivery.id} slug={slug} delivery={delivery} canReplay={endpoint.active} t={t} />
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
    </li>
  );
}

function deliveryStatus(delivery: WebhookDeliveryRow, t: Translate): { label: string; className: string } {
  switch (delivery.status) {
    case 'SUCCEEDED':
      return { label: t('commerce.developers.webhooks.status.delivered'), className: 'bg-emerald-100 text-emerald-900' };
    case 'PENDING':
      return {
        label:
          delivery.attempts === 0 ? t('commerce.developers.webhooks.status.queued') : t('commerce.developers.webhooks.status.retrying'),
        className: 'bg-amber-100 text-amber-900',
      };
    case 'FAILED':
      return { label: t('commerce.developers.webhooks.status.failed'), className: 'bg-red-100 text-red-900' };
    default: {
      const unreachable: never = delivery.status;
      return unreachable;
    }
  }
}

function DeliveryRow({ slug, delivery, canReplay, t }: { slug: string; delivery: WebhookDeliveryRow; canReplay: boolean; t: Translate }) {
  const status = deliveryStatus(delivery, t);
  return (
    <tr className="align-top">
      <td className="py-2 pr-3 font-mono text-xs">{delivery.eventType}</td>
      <td className="py-2 pr-3">
        <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${status.className}`}>{status.label}</span>
        {delivery.lastStatusCode !== null && <span className="ml-2 text-xs text-neutral-700">HTTP {delivery.lastStatusCode}</span>}
        {delivery.lastError && <p className="mt-1 max-w-xs break-words text-xs text-red-800">{deliveryErrorText(t, delivery.lastError)}</p>}
      </td>
      <td className="py-2 pr-3">{delivery.attempts}</td>
      <td className="py-2 pr-3 text-xs">{delivery.lastAttemptAt ? <LocalTime iso={delivery.lastAttemptAt} /> : '—'}</td>
      <td className="py-2 text-right">
        {canReplay && <ReplayButton slug={slug} deliveryId={delivery.id} eventType={delivery.eventType} />}
      </td>
    </tr>
  );
}
