'use client';

import { useActionState, useEffect, useState } from 'react';
import { FormMessage, primaryButtonClass, secondaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';
import type { PushKind, PushPreferences } from '@/server/domain/push';
import { savePushPreferencesAction } from './push-actions';

export interface PushSettingsProps {
  /** The server's VAPID public key (base64url); null when push is off on this site. */
  vapidPublicKey: string | null;
  kinds: readonly PushKind[];
  preferences: PushPreferences;
}

type DeviceState = 'checking' | 'notConfigured' | 'unsupported' | 'off' | 'on' | 'denied' | 'failed' | 'working';

/**
 * "Notifications on this device": the browser's permission is asked only when the person taps "Turn on
 * notifications", never on load. Registering the service worker asks nothing, so it happens on load.
 */
export function PushSettings({ vapidPublicKey, kinds, preferences }: PushSettingsProps) {
  const { t } = useI18n();
  const [device, setDevice] = useState<DeviceState>('checking');
  const [state, formAction, pending] = useActionState(savePushPreferencesAction, null);

  useEffect(() => {
    if (!vapidPublicKey) {
      setDevice('notConfigured');
      return;
    }
    if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
      setDevice('unsupported');
      return;
    }
    let live = true;
    void (async () => {
      try {
        const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
        const existing = await registration.pushManager.getSubscription();
        // Signed in as someone else since, or the server forgot it (410): telling the server again is harmless.
        if (existing && Notification.permission === 'granted') await saveSubscription(existing);
        if (live) setDevice(Notification.permission === 'denied' ? 'denied' : existing ? 'on' : 'off');
      } catch {
        if (live) setDevice('unsupported');
      }
    })();
    return () => {
      live = false;
    };
  }, [vapidPublicKey]);

  async function turnOn() {
    if (!vapidPublicKey) return;
    setDevice('working');
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') return setDevice(permission === 'denied' ? 'denied' : 'off');
      const registration = await navigator.serviceWorker.ready;
      const subscription =
        (await registration.pushManager.getSubscription()) ??
        (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64urlToBytes(vapidPublicKey) }));
      await saveSubscription(subscription);
      setDevice('on');
    } catch {
      setDevice('failed');
    }
  }

  async function turnOff() {
    setDevice('working');
    try {
      const registration = await navigator.serviceWorker.ready;
      const subscription = await registration.pushManager.getSubscription();
      if (subscription) {
        await fetch('/api/push/subscription', {
          method: 'DELETE',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ endpoint: subscription.endpoint }),
        });
        await subscription.unsubscribe();
      }
      setDevice('off');
    } catch {
      setDevice('failed');
    }
  }

  const status: Partial<Record<DeviceState, string>> = {
    on: t('push.settings.on'),
    off: t('push.settings.off'),
    denied: t('push.settings.denied'),
    notConfigured: t('push.settings.notConfigured'),
    unsupported: t('push.settings.unsupported'),
    failed: t('push.settings.failed'),
  };
  return (
    <div className="space-y-4">
      <div>
        <h2 className="text-lg font-semibold">{t('push.settings.heading')}</h2>
        <p className="text-sm text-neutral-600">{t('push.settings.description')}</p>
      </div>
      <p role="status" className="text-sm">
        {status[device] ?? ''}
      </p>
      {device === 'on' ? (
        <button type="button" onClick={() => void turnOff()} className={secondaryButtonClass}>
          {t('push.settings.turnOff')}
        </button>
      ) : device === 'off' || device === 'failed' || device === 'working' ? (
        <button type="button" onClick={() => void turnOn()} disabled={device === 'working'} className={primaryButtonClass}>
          {device === 'working' ? t('push.settings.working') : t('push.settings.turnOn')}
        </button>
      ) : null}
      <form action={formAction} className="space-y-3">
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium">{t('push.settings.kindsLegend')}</legend>
          {kinds.map((kind) => (
            <label key={kind} className="flex items-center gap-3">
              <input type="checkbox" name={kind} defaultChecked={preferences[kind]} className="h-5 w-5 accent-brand-500" />
              <span>{t(`push.settings.kinds.${kind}`)}</span>
            </label>
          ))}
        </fieldset>
        <FormMessage state={state} />
        <button type="submit" disabled={pending} className={secondaryButtonClass}>
          {t('push.settings.save')}
        </button>
      </form>
    </div>
  );
}

async function saveSubscription(subscription: PushSubscription): Promise<void> {
  const response = await fetch('/api/push/subscription', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(subscription.toJSON()),
  });
  if (!response.ok) throw new Error(`push subscription not saved: ${response.status}`);
}

function base64urlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
