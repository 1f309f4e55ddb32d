import webpush from 'web-push';

// The transport of web push: web-push encrypts the payload for the browser (RFC 8291, aes128gcm) and signs the
// VAPID JWT (RFC 8292); the request itself goes out through fetch, which (unlike web-push's own https-only
// request) also reaches a push service stand-in over plain http on a local install or in a test.

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushOptions {
  /** Seconds the push service may keep the message for an offline browser; 0: now or never. */
  ttlSeconds: number;
  urgency: 'very-low' | 'low' | 'normal' | 'high';
  /** Replaces an undelivered earlier message with the same topic (at most 32 base64url characters). */
  topic?: string;
}

/** 'gone': the push service no longer knows the subscription (404/410); it must be forgotten. */
export type PushDelivery = { kind: 'sent'; status: number } | { kind: 'gone'; status: number };

export class PushAttemptFailed extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'PushAttemptFailed';
  }
}

export const PUSH_TIMEOUT_MS = 10_000;

export async function sendPush(vapid: VapidKeys, target: PushTarget, payload: string, options: PushOptions): Promise<PushDelivery> {
  const request = webpush.generateRequestDetails(
    { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
    payload,
    {
      vapidDetails: vapid,
      TTL: options.ttlSeconds,
      urgency: options.urgency,
      ...(options.topic ? { topic: options.topic } : {}),
      contentEncoding: 'aes128gcm',
    },
  );
  let response: Response;
  try {
    response = await fetch(request.endpoint, {
      method: 'POST',
      headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)])),
      body: request.body ? new Uint8Array(request.body) : null,
      signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (error) {
    throw new PushAttemptFailed(`push service unreachable: ${error instanceof Error ? error.message : String(error)}`, null);
  }
  await response.body?.cancel();
  if (response.status === 404 || response.status === 410) return { kind: 'gone', status: response.status };
  if (!response.ok) throw new PushAttemptFailed(`push service answered ${response.status}`, response.status);
  return { kind: 'sent', status: response.status };
}
