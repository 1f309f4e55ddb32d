import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants, createGzip, type Gzip } from 'node:zlib';

/**
 * A live show page with a prepared watch loads its framework after its picture. The page's boot script
 * (app/shows/[showId]/boot-watch.ts) answers the prepared receive side with a few steps on the main thread
 * (certificate, offer, answer), each of which waited behind Next's chunks being compiled and run: measured
 * in the glass benchmark (20 new viewers, chunks held 600 ms against not held, same run), the first frame
 * came at p50 834 ms against 1,363 ms, and hydration 140 ms later. So the custom server rewrites the
 * `<head>` of such a page: each `<script src="/_next/static/chunks/…" async>` becomes a
 * `<link rel="preload" as="script" data-lc-framework>` (downloaded at once, run later; nothing in the body
 * changes, so hydration sees the same document), and the boot script adds a script for each once its answer
 * is set (or after a deadline, or at once if it cannot connect). Pages without `#lc-boot` in their first flush
 * pass unchanged.
 *
 * Next compresses HTML itself, so for these requests the server asks Next for plain HTML and gzips the
 * rewritten stream here (flushed chunk by chunk: the page still streams).
 */
/** Marks the head's preloads of the deferred chunks; the boot script adds a script for each. */
export const FRAMEWORK_ATTRIBUTE = 'data-lc-framework';
const BOOT_MARKER = '<script id="lc-boot"';
// The first flush holds the head and the boot (the layout renders it above the page's loading boundary);
// past this many bytes without both, the page is passed on as it is.
const MAX_HELD_BYTES = 256 * 1024;
const CHUNK_SCRIPT = /<script src="(\/_next\/static\/chunks\/[\w.-]+\.js)" async=""((?: nonce="[^"<>]*")?)><\/script>/g;

export function isShowPageRequest(req: IncomingMessage): boolean {
  return req.method === 'GET' && /^\/shows\/[^/?#]+\/?(?:\?.*)?$/.test(req.url ?? '') && /\btext\/html\b/.test(req.headers.accept ?? '');
}

/**
 * The page's first flush with its framework deferred, or null to leave it as it is (no boot, no head, no
 * chunk scripts). Only the head's chunk scripts change; nothing else in the document does.
 */
export function deferFramework(html: string): string | null {
  const bootAt = html.indexOf(BOOT_MARKER);
  const headEnd = html.indexOf('</head>');
  if (bootAt < 0 || headEnd < 0 || headEnd > bootAt) return null;
  let deferred = 0;
  const head = html
    .slice(0, headEnd)
    .replace(
      CHUNK_SCRIPT,
      (_, src: string, nonce: string) => (deferred++, `<link rel="preload" as="script" href="${src}"${nonce} ${FRAMEWORK_ATTRIBUTE}/>`),
    );
  return deferred === 0 ? null : `${head}${html.slice(headEnd)}`;
}

type Write = (chunk: unknown, encoding?: unknown, callback?: unknown) => boolean;
type End = (chunk?: unknown, encoding?: unknown, callback?: unknown) => ServerResponse;

/**
 * Holds the response's first bytes until the head and the boot are in, rewrites them (deferFramework),
 * then streams the rest, gzipped when the browser asked for it. Call before handing the request to Next.
 */
export function deferFrameworkOf(req: IncomingMessage, res: ServerResponse): void {
  const gzip = acceptsGzip(String(req.headers['accept-encoding'] ?? ''));
  // Next must send plain HTML: its compression would hand this wrapper gzipped bytes.
  delete req.headers['accept-encoding'];
  const write = res.write.bind(res) as Write;
  const end = res.end.bind(res) as End;
  let held: Buffer[] | null = [];
  let deciding = false;
  let heldBytes = 0;
  let zip: Gzip | null = null;

  const isHtml = () => /^text\/html\b/.test(String(res.getHeader('content-type') ?? ''));
  const out = (data: Buffer, done?: () => void): boolean => {
    if (data.length === 0) return true;
    if (!zip) return write(data, done);
    zip.write(data);
    zip.flush(constants.Z_SYNC_FLUSH, () => done?.());
    return true;
  };
  /** Ends the hold: rewrites what was held if it can, sets the headers that depend on it, sends it. */
  const release = () => {
    if (!held) return;
    const bytes = Buffer.concat(held);
    held = null;
    // Rewritten as text up to the boot's marker only: the held bytes may end inside a character.
    const upTo = bytes.indexOf(BOOT_MARKER);
    // Headers already written (writeHead) cannot change: then the page goes as Next made it, uncompressed.
    const changeable = isHtml() && !res.headersSent;
    const rewritten = changeable && upTo >= 0 ? deferFramework(bytes.subarray(0, upTo + BOOT_MARKER.length).toString('utf8')) : null;
    if (changeable && (rewritten !== null || gzip)) res.removeHeader('content-length');
    if (changeable && gzip && res.statusCode !== 204 && res.statusCode !== 304) {
      res.setHeader('content-encoding', 'gzip');
      res.setHeader('vary', appendVary(res.getHeader('vary')));
      zip = createGzip();
      zip.on('data', (data: Buffer) => write(data));
      zip.on('error', (error) => res.destroy(error));
    }
    out(rewritten === null ? bytes : Buffer.concat([Buffer.from(rewritten, 'utf8'), bytes.subarray(upTo + BOOT_MARKER.length)]));
  };
  const toBuffer = (chunk: unknown, encoding: unknown) =>
    Buffer.isBuffer(chunk)
      ? chunk
      : chunk instanceof Uint8Array
        ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
        : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');

  // Next flushes the headers before its first write, and its compression layer writes them on the first
  // write: both held back here until the first bytes go, so that the content encoding can still be set.
  const flushHeaders = res.flushHeaders.bind(res);
  res.flushHeaders = () => {
    if (!held) flushHeaders();
  };
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    if (!held) return writeHead(statusCode, ...rest);
    res.statusCode = statusCode;
    for (const arg of rest) {
      if (typeof arg === 'string') res.statusMessage = arg;
      else if (arg && typeof arg === 'object' && !Array.isArray(arg))
        for (const [name, value] of Object.entries(arg)) if (value !== undefined) res.setHeader(name, value as string);
    }
    return res;
  }) as ServerResponse['writeHead'];

  res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    const done = typeof encoding === 'function' ? encoding : callback;
    const data = toBuffer(chunk, encoding);
    if (held) {
      held.push(data);
      heldBytes += data.length;
      const bytes = Buffer.concat(held);
      if (heldBytes > MAX_HELD_BYTES || !isHtml() || bytes.includes(BOOT_MARKER)) release();
      // The head is in and no boot yet: Next writes a flush in one turn, so a page whose first flush has no
      // prepared watch goes on at the next turn, still streaming (a show not live, a page of another kind).
      else if (!deciding && bytes.includes('</head>')) {
        deciding = true;
        setImmediate(release);
      }
      if (typeof done === 'function') process.nextTick(done as () => void);
      return true;
    }
    return out(data, typeof done === 'function' ? (done as () => void) : undefined);
  }) as ServerResponse['write'];

  res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    const done = [chunk, encoding, callback].find((arg) => typeof arg === 'function') as (() => void) | undefined;
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') {
      const data = toBuffer(chunk, encoding);
      if (held) held.push(data);
      else out(data);
    }
    release();
    if (zip) {
      const ending = zip;
      ending.once('end', () => end(done));
      ending.end();
      return res;
    }
    return end(done);
  }) as ServerResponse['end'];
}

function appendVary(vary: unknown): string {
  const current = Array.isArray(vary) ? vary.join(', ') : String(vary ?? '');
  return /\baccept-encoding\b/i.test(current) ? current : current ? `${current}, Accept-Encoding` : 'Accept-Encoding';
}

/** Whether an Accept-Encoding header takes gzip: named (or `*`) without `q=0`. */
export function acceptsGzip(header: string): boolean {
  const codings = new Map(
    header.split(',').map((part) => {
      const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return [name, q === undefined ? 1 : Number(q.slice(2))] as const;
    }),
  );
  const q = codings.get('gzip') ?? codings.get('*') ?? 0;
  return q > 0;
}
