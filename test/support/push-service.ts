import { createECDH, createPublicKey, createDecipheriv, createHmac, hkdfSync, randomBytes, verify } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A push service stand-in the test runs itself: it receives what the app sends to a browser's push service,
// checks the VAPID JWT (RFC 8292) and decrypts the payload with the subscription's private key and auth secret
// (RFC 8291, aes128gcm), written here with node:crypto from the RFCs rather than with web-push's own code.

export interface ReceivedPush {
  /** The subscription's path on this service. */
  path: string;
  /** The decrypted payload, parsed as JSON. */
  message: { title: string; body: string; url: string; tag: string };
  ttl: number;
  urgency: string | undefined;
  topic: string | undefined;
  /** The VAPID JWT's claims after its signature checked out against the `k` public key. */
  claims: { aud: string; exp: number; sub: string };
  vapidPublicKey: string;
}

export interface TestSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface PushServiceStandIn {
  origin: string;
  received: ReceivedPush[];
  /** Failures (bad JWT, undecryptable body): each fails the test through `errors`. */
  errors: string[];
  /** A new browser subscription on this service; with `gone`, the service answers 410 Gone for it. */
  subscribe(options?: { gone?: boolean }): TestSubscription;
  /** Resolves with the first push (already received or yet to come) that matches. */
  next(matches: (push: ReceivedPush) => boolean, timeoutMs?: number): Promise<ReceivedPush>;
  /** How many requests reached the given subscription's path (410s included). */
  hits(endpoint: string): number;
  close(): Promise<void>;
}

interface Browser {
  ecdh: ReturnType<typeof createECDH>;
  auth: Buffer;
  gone: boolean;
}

export async function startPushService(): Promise<PushServiceStandIn> {
  const browsers = new Map<string, Browser>();
  const hitCount = new Map<string, number>();
  const received: ReceivedPush[] = [];
  const errors: string[] = [];
  const waiters: { matches: (p: ReceivedPush) => boolean; resolve: (p: ReceivedPush) => void }[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      hitCount.set(path, (hitCount.get(path) ?? 0) + 1);
      const browser = browsers.get(path);
      if (!browser) return void res.writeHead(404).end();
      if (browser.gone) return void res.writeHead(410).end();
      try {
        const { claims, publicKey } = checkVapid(req.headers.authorization ?? '', origin);
        if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error(`content-encoding ${req.headers['content-encoding']}`);
        const plaintext = decryptAes128gcm(Buffer.concat(chunks), browser.ecdh, browser.auth);
        const push: ReceivedPush = {
          path,
          message: JSON.parse(plaintext.toString('utf8')) as ReceivedPush['message'],
          ttl: Number(req.headers.ttl),
          urgency: header(req.headers.urgency),
          topic: header(req.headers.topic),
          claims,
          vapidPublicKey: publicKey,
        };
        received.push(push);
        for (const waiter of waiters.filter((w) => w.matches(push))) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(push);
        }
        res.writeHead(201, { location: `${path}/message/${received.length}` }).end();
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    received,
    errors,
    subscribe({ gone = false } = {}) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const path = `/push/${randomBytes(12).toString('hex')}`;
      browsers.set(path, { ecdh, auth, gone });
      return {
        endpoint: `${origin}${path}`,
        keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
      };
    },
    next(matches, timeoutMs = 60_000) {
      const already = received.find(matches);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const waiter = { matches, resolve };
        waiters.push(waiter);
        setTimeout(() => {
          const at = waiters.indexOf(waiter);
          if (at >= 0) waiters.splice(at, 1);
          reject(
            new Error(
              `no matching push within ${timeoutMs} ms (received: ${received.map((p) => `${p.path} ${p.message.title}`).join(' | ')}; errors: ${errors.join('; ')})`,
            ),
          );
        }, timeoutMs).unref();
      });
    },
    hits: (endpoint) => hitCount.get(new URL(endpoint).pathname) ?? 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** RFC 8292: `vapid t=<JWT>, k=<public key>`; the JWT is ES256 over the application server's key, for this service's origin. */
function checkVapid(authorization: string, audience: string): { claims: ReceivedPush['claims']; publicKey: string } {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization);
  if (!match) throw new Error(`Authorization is not a VAPID header: ${authorization}`);
  const [, jwt, k] = match as unknown as [string, string, string];
  const [headerPart, claimsPart, signaturePart] = jwt.split('.') as [string, string, string];
  const jwtHeader = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8')) as { alg: string; typ: string };
  if (jwtHeader.alg !== 'ES256') throw new Error(`VAPID JWT alg ${jwtHeader.alg}`);
  const point = Buffer.from(k, 'base64url');
  if (point.length !== 65 || point[0] !== 4) throw new Error('VAPID k is not an uncompressed P-256 point');
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') },
    format: 'jwk',
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${headerPart}.${claimsPart}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signaturePart, 'base64url'),
  );
  if (!signed) throw new Error('VAPID JWT signature does not verify with k');
  const claims = JSON.parse(Buffer.from(claimsPart, 'base64url').toString('utf8')) as ReceivedPush['claims'];
  if (claims.aud !== audience) throw new Error(`VAPID aud ${claims.aud}, expected ${audience}`);
  const now = Math.floor(Date.now() / 1000);
  // RFC 8292 section 2: no more than 24 hours ahead.
  if (!(claims.exp > now && claims.exp <= now + 24 * 3600)) throw new Error(`VAPID exp ${claims.exp} not within 24 h`);
  if (!/^(mailto:|https:)/.test(claims.sub)) throw new Error(`VAPID sub ${claims.sub}`);
  return { claims, publicKey: k };
}

/** RFC 8291 section 3 and RFC 8188: one aes128gcm record, decrypted as the user agent does. */
export function decryptAes128gcm(body: Buffer, ua: ReturnType<typeof createECDH>, authSecret: Buffer): Buffer {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const asPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  if (idLength !== 65) throw new Error(`keyid is ${idLength} bytes, not the sender's 65-byte public key`);
  if (ciphertext.length > recordSize) throw new Error('more than one record');
  const ecdhSecret = ua.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ua.getPublicKey(), asPublic]);
  // IKM = HKDF(auth_secret, ecdh_secret, key_info, 32), written out as RFC 8291 does.
  const prkKey = createHmac('sha256', authSecret).update(ecdhSecret).digest();
  const ikm = createHmac('sha256', prkKey)
    .update(Buffer.concat([keyInfo, Buffer.from([1])]))
    .digest();
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('last record delimiter missing');
  return padded.subarray(0, end);
}
