import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGunzip } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { acceptsGzip, deferFramework, deferFrameworkOf, isShowPageRequest } from './deferred-framework';

const NONCE = ' nonce="abc+/="';
const chunk = (name: string) => `<script src="/_next/static/chunks/${name}.js" async=""${NONCE}></script>`;
const HEAD = `<!DOCTYPE html><html lang="km"><head><meta charSet="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/a.css"${NONCE} data-precedence="next"/>${chunk('1x6i66kbg2h5v')}${chunk('turbopack-077hmtqrhcoji')}<script src="https://js.stripe.com/v3" async=""></script><title>ផ្សាយផ្ទាល់</title></head>`;
const BOOT = `<body><a href="#main">Skip</a><script id="lc-boot" type="application/json">{"token":"t"}</script><script type="module" async=""${NONCE}>boot()</script>`;
const REST =
  '<main id="main">ទំនិញ</main><script>self.__next_f.push([1,"<script src=\\"/_next/static/chunks/x.js\\" async=\\"\\"></script>"])</script></body></html>';
const DEFERRED_HEAD = HEAD.replace(
  /<script src="(\/_next\/static\/chunks\/[\w.-]+\.js)" async=""( nonce="[^"]*")><\/script>/g,
  '<link rel="preload" as="script" href="$1"$2 data-lc-framework/>',
);

describe('a show page whose framework waits for its picture', () => {
  it("turns the head's chunk scripts into preloads the boot script runs later, and changes nothing else", () => {
    const page = `${HEAD}${BOOT}${REST}`;
    const deferred = deferFramework(page)!;
    expect(deferred).toBe(`${DEFERRED_HEAD}${BOOT}${REST}`);
    expect(deferred.match(/data-lc-framework/g)).toHaveLength(2);
    // Another origin's script and the payload's text stay as they were.
    expect(deferred).toContain('<script src="https://js.stripe.com/v3" async=""></script>');
  });

  it('leaves a page without a prepared watch, or without chunk scripts, as it is', () => {
    expect(deferFramework(`${HEAD}<body><main></main></body></html>`)).toBeNull();
    expect(deferFramework(`<html><head></head>${BOOT}${REST}`)).toBeNull();
  });

  it('gzips only for a browser that takes gzip: named or *, never with q=0', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, *;q=0.5')).toBe(true);
    expect(acceptsGzip('gzip;q=0, br')).toBe(false);
    expect(acceptsGzip('gzip;q=0.0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('')).toBe(false);
  });

  it('is asked for by a show page navigation only', () => {
    const req = (url: string, accept = 'text/html,application/xhtml+xml', method = 'GET') =>
      ({ url, method, headers: { accept } }) as unknown as IncomingMessage;
    expect(isShowPageRequest(req('/shows/demo_show_glow_up'))).toBe(true);
    expect(isShowPageRequest(req('/shows/demo_show_glow_up?hl=km'))).toBe(true);
    expect(isShowPageRequest(req('/shows/demo_show_glow_up', '*/*'))).toBe(false);
    expect(isShowPageRequest(req('/shows/demo_show_glow_up/report'))).toBe(false);
    expect(isShowPageRequest(req('/shows/demo_show_glow_up', 'text/html', 'POST'))).toBe(false);
  });
});

describe('the rewritten page over HTTP', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** A server that answers the way Next does: headers flushed first, then the page in pieces, the last on a signal. */
  async function serve(pieces: Buffer[]): Promise<{ url: string; finish: () => void }> {
    let finish = () => {};
    const last = new Promise<void>((resolve) => (finish = resolve));
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      deferFrameworkOf(req, res);
      res.statusCode = 200;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('vary', 'rsc');
      res.flushHeaders();
      void (async () => {
        for (const piece of pieces.slice(0, -1)) res.write(piece);
        await last;
        res.end(pieces.at(-1));
      })();
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/shows/s1`, finish };
  }

  /** GETs the page; resolves with its response once `until` is in the decoded text so far, and the rest later. */
  function get(url: string, gzip: boolean, until: string) {
    return new Promise<{ res: IncomingMessage; early: string; whole: Promise<string> }>((resolve, reject) => {
      const req = request(url, { headers: { accept: 'text/html', ...(gzip ? { 'accept-encoding': 'gzip' } : {}) } }, (res) => {
        const body = res.headers['content-encoding'] === 'gzip' ? res.pipe(createGunzip()) : res;
        let text = '';
        let early: string | null = null;
        const whole = new Promise<string>((done) => body.on('end', () => done(text)));
        // Decoded as a stream: a piece may end inside a character.
        body.setEncoding('utf8');
        body.on('data', (data: string) => {
          text += data;
          if (early === null && text.includes(until)) resolve({ res, early: (early = text), whole });
        });
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('streams the rewritten head before the page has ended, gzipped for a browser that asks for it', async () => {
    const page = Buffer.from(`${HEAD}${BOOT}${REST}`, 'utf8');
    // The boot's marker and a Khmer character are both cut across writes.
    const cutMarker = page.indexOf('id="lc-boot"') + 4;
    const cutChar = page.indexOf('ទំនិញ') + 1;
    const { url, finish } = await serve([page.subarray(0, cutMarker), page.subarray(cutMarker, cutChar), page.subarray(cutChar)]);
    const { res, early, whole } = await get(url, true, 'lc-boot');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['vary']).toBe('rsc, Accept-Encoding');
    expect(res.headers['content-length']).toBeUndefined();
    expect(early.startsWith(DEFERRED_HEAD)).toBe(true);
    finish();
    expect(await whole).toBe(`${DEFERRED_HEAD}${BOOT}${REST}`);
  });

  it('sends plain HTML to a client that does not take gzip, and a page without a boot unchanged, still streaming', async () => {
    const plain = Buffer.from(`${HEAD}<body><main>ទំនិញ</main></body></html>`, 'utf8');
    const headEnd = plain.indexOf('</head>') + 7;
    const { url, finish } = await serve([plain.subarray(0, 50), plain.subarray(50, headEnd), plain.subarray(headEnd)]);
    // The head arrives while the page is still being written: nothing waits for a boot that will not come.
    const { res, early, whole } = await get(url, false, '</head>');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(early).toBe(plain.subarray(0, headEnd).toString('utf8'));
    finish();
    expect(await whole).toBe(plain.toString('utf8'));
  });
});
