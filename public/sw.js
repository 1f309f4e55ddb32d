// The service worker: shows web push notifications (sent by server/domain/push, encrypted for this browser and
// decrypted by the browser before this runs) and opens the page a notification is about when it is tapped. It
// also keeps one offline page for navigations made without a connection. Nothing else is cached: live shows,
// prices and stock must always come from the server.
const OFFLINE_CACHE = 'offline-v1';
const OFFLINE_URL = '/offline.html';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(OFFLINE_CACHE)
      .then((cache) => cache.add(new Request(OFFLINE_URL, { cache: 'reload' })))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== OFFLINE_CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  if (event.request.mode !== 'navigate') return;
  event.respondWith(fetch(event.request).catch(() => caches.match(OFFLINE_URL).then((page) => page || Response.error())));
});

/** The payload is JSON { title, body, url, tag }; anything else still shows something rather than nothing. */
function readPush(data) {
  try {
    const message = data ? data.json() : {};
    return {
      title: typeof message.title === 'string' ? message.title : 'Live Commerce',
      body: typeof message.body === 'string' ? message.body : '',
      url: typeof message.url === 'string' && message.url.startsWith('/') ? message.url : '/',
      tag: typeof message.tag === 'string' ? message.tag : undefined,
    };
  } catch {
    return { title: 'Live Commerce', body: data ? data.text() : '', url: '/', tag: undefined };
  }
}

self.addEventListener('push', (event) => {
  const message = readPush(event.data);
  // Chrome requires a visible notification for every push (userVisibleOnly), so one is always shown.
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      tag: message.tag,
      // A newer notification about the same show or order replaces the older one, and still alerts.
      renotify: Boolean(message.tag),
      icon: '/icons/icon-192.png',
      badge: '/icons/badge-96.png',
      data: { url: message.url },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL((event.notification.data && event.notification.data.url) || '/', self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      // A tab already on that page is brought forward; else one of ours is sent there; else a new window opens.
      const same = windows.find((client) => client.url === target);
      if (same) return same.focus();
      const ours = windows.find((client) => new URL(client.url).origin === self.location.origin && 'navigate' in client);
      if (ours) return ours.navigate(target).then((client) => (client || ours).focus());
      return self.clients.openWindow(target);
    }),
  );
});
