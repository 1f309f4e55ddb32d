import type { Metadata } from 'next';
import { EmptyState } from '@/app/_components/ui';
import { LocalTime } from '@/app/_components/local-time';
import { requirePageUser } from '@/app/_lib/action';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { listApiKeys, type ApiKeyRow } from '@/server/api/keys';
import { requireBrandMember } from '@/server/domain/brand-access';
import { BRAND_EVENT_TYPES } from '@/server/domain/brand-events';
import type { Actor } from '@/server/domain/context';
import { listWebhookEndpoints, type WebhookDeliveryRow, type WebhookEndpointRow } from '@/server/domain/webhooks';
import { services } from '@/server/services';
import { CreateApiKeyForm, RevokeApiKeyButton } from './api-key-forms';
import { CreateEndpointForm, EndpointControls, ReplayButton } from './webhook-forms';

export const metadata: Metadata = { title: 'Developers' };

export default async function DevelopersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/dashboard/brands/${slug}/developers`);
  const actor: Actor = { userId: user.id, name: user.name };
  const { db, env } = services();
  const access = await orNotFound(requireBrandMember(db, actor, { slug }));
  const [keys, endpoints] = await Promise.all([listApiKeys(db, actor, slug), listWebhookEndpoints(db, actor, slug)]);
  const isOwner = access.role === 'OWNER';
  const apiBase = new URL('/api/v1', env.PUBLIC_URL).toString();

  return (
    <div className="space-y-10">
      <section aria-labelledby="api-heading" className="space-y-3">
        <h2 id="api-heading" className="text-lg font-bold">
          API
        </h2>
        <p className="text-sm text-neutral-700">
          Read and update {access.name}’s products, stock, shows and orders from your own systems. The reference is the{' '}
          <a href="/api/v1/openapi.json" className="font-semibold text-brand-600 underline">
            OpenAPI document
          </a>{' '}
          (open it in any OpenAPI viewer). Each key works for this brand only.
        </p>
        <pre className="overflow-x-auto rounded-xl bg-neutral-900 p-3 text-xs text-neutral-100">
          <code>{`curl -H "Authorization: Bearer lc_live_…" \\\n  "${apiBase}/orders?status=PAID&limit=20"`}</code>
        </pre>
      </section>

      <section aria-labelledby="keys-heading" className="space-y-3">
        <h2 id="keys-heading" className="text-lg font-bold">
          API keys
        </h2>
        {keys.length === 0 ? <EmptyState title="No API keys yet">{isOwner ? 'Create one below.' : 'The brand owner can create one.'}</EmptyState> : <KeyList slug={slug} keys={keys} isOwner={isOwner} />}
        {isOwner ? <CreateApiKeyForm slug={slug} /> : <p className="text-sm text-neutral-600">Only the brand owner can create or revoke keys.</p>}
      </section>

      <section aria-labelledby="webhooks-heading" className="space-y-3">
        <h2 id="webhooks-heading" className="text-lg font-bold">
          Webhooks
        </h2>
        <p className="text-sm text-neutral-700">
          We POST each event as JSON <code className="font-mono">{'{ id, type, createdAt, data }'}</code>, signed the{' '}
          <a href="https://www.standardwebhooks.com/" className="underline" rel="noreferrer" target="_blank">
            Standard Webhooks
          </a>{' '}
          way: check <code className="font-mono">Webhook-Signature</code> (<code className="font-mono">v1,</code> + base64 HMAC-SHA256 of{' '}
          <code className="font-mono">{'{Webhook-Id}.{Webhook-Timestamp}.{body}'}</code>, keyed with the secret’s base64 part after{' '}
          <code className="font-mono">whsec_</code>). Answer with any 2xx within 10 seconds; anything else is retried with growing pauses, 8 times in all.
        </p>
        {endpoints.length === 0 ? (
          <EmptyState title="No webhook endpoints yet">{isOwner ? 'Add one below to hear about orders and stock as they happen.' : 'The brand owner can add one.'}</EmptyState>
        ) : (
          <ul className="space-y-4">
            {endpoints.map((endpoint) => (
              <EndpointCard key={endpoint.id} slug={slug} endpoint={endpoint} isOwner={isOwner} />
            ))}
          </ul>
        )}
        {isOwner && <CreateEndpointForm slug={slug} eventTypes={BRAND_EVENT_TYPES} />}
      </section>
    </div>
  );
}

function KeyList({ slug, keys, isOwner }: { slug: string; keys: ApiKeyRow[]; isOwner: boolean }) {
  return (
    <ul className="divide-y divide-neutral-200 rounded-2xl border border-neutral-200 bg-white">
      {keys.map((key) => (
        <li key={key.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
          <div className="min-w-0">
            <p className="font-semibold">
              {key.name} {key.revokedAt && <span className="ml-1 rounded-full bg-neutral-200 px-2 py-0.5 text-xs font-semibold text-neutral-800">Revoked</span>}
            </p>
            <p className="font-mono text-sm text-neutral-700">{key.prefix}…</p>
            <p className="text-sm text-neutral-600">{key.scopes.join(', ')}</p>
            <p className="text-xs text-neutral-600">
              {key.lastUsedAt ? (
                <>
                  Last used <LocalTime iso={key.lastUsedAt} />
                </>
              ) : (
                'Never used'
              )}
            </p>
          </div>
          {isOwner && !key.revokedAt && <RevokeApiKeyButton slug={slug} keyId={key.id} name={key.name} />}
        </li>
      ))}
    </ul>
  );
}

function EndpointCard({ slug, endpoint, isOwner }: { slug: string; endpoint: WebhookEndpointRow; isOwner: boolean }) {
  const headingId = `endpoint-${endpoint.id}`;
  return (
    <li aria-labelledby={headingId} className="space-y-3 rounded-2xl border border-neutral-200 bg-white p-4">
      <div className="space-y-1">
        <p id={headingId} className="break-all font-mono text-sm font-semibold">
          {endpoint.url}
        </p>
        <p className="text-sm text-neutral-600">
          {endpoint.active ? 'Active' : 'Paused'} · {endpoint.events.includes('*') ? 'every event' : endpoint.events.join(', ')}
        </p>
      </div>
      <EndpointControls slug={slug} endpointId={endpoint.id} active={endpoint.active} isOwner={isOwner} />
      {endpoint.deliveries.length === 0 ? (
        <p className="text-sm text-neutral-600">No deliveries yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">Recent deliveries to {endpoint.url}</caption>
            <thead className="text-xs text-neutral-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Event</th>
                <th scope="col" className="py-1 pr-3 font-medium">Status</th>
                <th scope="col" className="py-1 pr-3 font-medium">Attempts</th>
                <th scope="col" className="py-1 pr-3 font-medium">Last attempt</th>
                <th scope="col" className="py-1 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {endpoint.deliveries.map((delivery) => (
                <DeliveryRow key={delivery.id} slug={slug} delivery={delivery} canReplay={endpoint.active} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </li>
  );
}

function deliveryStatus(delivery: WebhookDeliveryRow): { label: string; className: string } {
  switch (delivery.status) {
    case 'SUCCEEDED':
      return { label: 'Delivered', className: 'bg-emerald-100 text-emerald-900' };
    case 'PENDING':
      return { label: delivery.attempts === 0 ? 'Queued' : 'Retrying', className: 'bg-amber-100 text-amber-900' };
    case 'FAILED':
      return { label: 'Failed', className: 'bg-red-100 text-red-900' };
    default: {
      const unreachable: never = delivery.status;
      return unreachable;
    }
  }
}

function DeliveryRow({ slug, delivery, canReplay }: { slug: string; delivery: WebhookDeliveryRow; canReplay: boolean }) {
  const status = deliveryStatus(delivery);
  return (
    <tr className="align-top">
      <td className="py-2 pr-3 font-mono text-xs">{delivery.eventType}</td>
      <td className="py-2 pr-3">
        <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${status.className}`}>{status.label}</span>
        {delivery.lastStatusCode !== null && <span className="ml-2 text-xs text-neutral-700">HTTP {delivery.lastStatusCode}</span>}
        {delivery.lastError && <p className="mt-1 max-w-xs break-words text-xs text-red-800">{delivery.lastError}</p>}
      </td>
      <td className="py-2 pr-3">{delivery.attempts}</td>
      <td className="py-2 pr-3 text-xs">{delivery.lastAttemptAt ? <LocalTime iso={delivery.lastAttemptAt} /> : '—'}</td>
      <td className="py-2 text-right">{canReplay && <ReplayButton slug={slug} deliveryId={delivery.id} eventType={delivery.eventType} />}</td>
    </tr>
  );
}
