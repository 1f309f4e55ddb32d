'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import type { MessageKey } from '@/app/_i18n/translate';
import { formAction, type ActionState } from '@/app/_lib/action';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import { apiKeyInputSchema, createApiKey, revokeApiKey } from '@/server/api/keys';
import type { Actor } from '@/server/domain/context';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  replayDelivery,
  rotateWebhookSecret,
  sendTestWebhook,
  setWebhookEndpointActive,
  webhookEndpointInputSchema,
} from '@/server/domain/brands';
import { services } from '@/server/services';
import { DEVELOPER_FIELDS } from './messages';

/** An action result that may carry a secret to show once (an API key or a signing secret). */
export type SecretActionState = ActionState & { secret?: string };

const slugField = z.object({ slug: z.string().min(1).max(60) });
const endpointFields = slugField.extend({ endpointId: z.string().min(1).max(40) });
const actorOf = (user: { id: string; name: string }): Actor => ({ userId: user.id, name: user.name });
const developersPath = (slug: string) => `/dashboard/brands/${slug}/developers`;

// Checkbox groups send one entry per ticked box; Object.fromEntries would keep only the last.
const withList = (form: FormData, name: string) => ({ ...Object.fromEntries(form.entries()), [name]: form.getAll(name) });

/** Every action here answers in the reader's language. */
async function localised(state: Promise<ActionState>): Promise<ActionState> {
  const { t } = await getI18n();
  return localiseState(await state, t, DEVELOPER_FIELDS);
}

async function said(key: MessageKey): Promise<ActionState> {
  const { t } = await getI18n();
  return { ok: true, message: t(key) };
}

export async function createApiKeyAction(_: SecretActionState | null, form: FormData): Promise<SecretActionState> {
  let key: string | undefined;
  const state = await localised(
    formAction(apiKeyInputSchema.extend(slugField.shape), withList(form, 'scopes'), async ({ slug, ...input }, user) => {
      key = (await createApiKey(services().db, actorOf(user), slug, input)).key;
      revalidatePath(developersPath(slug));
      return said('commerce.developers.keys.created');
    }),
  );
  return key ? { ...state, secret: key } : state;
}

export async function revokeApiKeyAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return localised(
    formAction(slugField.extend({ keyId: z.string().min(1).max(40) }), form, async ({ slug, keyId }, user) => {
      await revokeApiKey(services().db, actorOf(user), slug, keyId);
      revalidatePath(developersPath(slug));
      return said('commerce.developers.keys.revokedDone');
    }),
  );
}

export async function createEndpointAction(_: SecretActionState | null, form: FormData): Promise<SecretActionState> {
  let secret: string | undefined;
  const state = await localised(
    formAction(webhookEndpointInputSchema.extend(slugField.shape), withList(form, 'events'), async ({ slug, ...input }, user) => {
      secret = (await createWebhookEndpoint(services().db, actorOf(user), slug, input)).secret;
      revalidatePath(developersPath(slug));
      return said('commerce.developers.webhooks.done.added');
    }),
  );
  return secret ? { ...state, secret } : state;
}

export async function rotateSecretAction(_: SecretActionState | null, form: FormData): Promise<SecretActionState> {
  let secret: string | undefined;
  const state = await localised(
    formAction(endpointFields, form, async ({ slug, endpointId }, user) => {
      secret = (await rotateWebhookSecret(services().db, actorOf(user), slug, endpointId)).secret;
      return said('commerce.developers.webhooks.done.rotated');
    }),
  );
  return secret ? { ...state, secret } : state;
}

const endpointCommand = endpointFields.extend({ command: z.enum(['pause', 'resume', 'test', 'delete']) });

export async function endpointCommandAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return localised(
    formAction(endpointCommand, form, async ({ slug, endpointId, command }, user) => {
      const { db } = services();
      const actor = actorOf(user);
      let message: MessageKey;
      switch (command) {
        case 'pause':
        case 'resume':
          await setWebhookEndpointActive(db, actor, slug, endpointId, command === 'resume');
          message = command === 'resume' ? 'commerce.developers.webhooks.done.resumed' : 'commerce.developers.webhooks.done.paused';
          break;
        case 'test':
          await sendTestWebhook(db, actor, slug, endpointId);
          message = 'commerce.developers.webhooks.done.testQueued';
          break;
        case 'delete':
          await deleteWebhookEndpoint(db, actor, slug, endpointId);
          message = 'commerce.developers.webhooks.done.deleted';
          break;
        default: {
          const unreachable: never = command;
          throw new Error(`unknown command ${String(unreachable)}`);
        }
      }
      revalidatePath(developersPath(slug));
      return said(message);
    }),
  );
}

export async function replayDeliveryAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  return localised(
    formAction(slugField.extend({ deliveryId: z.string().min(1).max(40) }), form, async ({ slug, deliveryId }, user) => {
      await replayDelivery(services().db, actorOf(user), slug, deliveryId);
      revalidatePath(developersPath(slug));
      return said('commerce.developers.webhooks.done.replayed');
    }),
  );
}
