// Local stand-ins of the bank QR rails' documented endpoints, for tests (issue 21 item 4): one HTTP
// server on a free port serving Bakong's Open API (check_transaction_by_md5, generate_deeplink_by_qr)
// and QPay's merchant API v2 (auth/token, invoice, payment/check, payment/refund). The test plays the
// buyer's bank with pay(): nothing is paid unless it says so.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

export interface QrBankStandIns {
  url: string;
  requests: SeenRequest[];
  /** Bakong: a transaction paying the KHQR whose MD5 this is. */
  payKhqr(md5: string, amount: number, currency: string): void;
  /** QPay: a payment of the invoice (call twice to pay it twice); answers the payment id. */
  payQpayInvoice(invoiceId: string, amount: number): string;
  qpayInvoices: Map<string, { body: Record<string, unknown>; payments: { id: string; amount: number; refunded: boolean }[] }>;
  close(): Promise<void>;
}

export const STANDIN_BAKONG_TOKEN = 'bakong-token-for-tests';
export const STANDIN_QPAY = { clientId: 'LIVE_COMMERCE_TEST', clientSecret: 'qpay-secret-for-tests' };

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : null;
}

export async function startQrBankStandIns(): Promise<QrBankStandIns> {
  const khqrPaid = new Map<string, { hash: string; amount: number; currency: string }>();
  const qpayInvoices: QrBankStandIns['qpayInvoices'] = new Map();
  const qpayTokens = new Set<string>();
  const requests: SeenRequest[] = [];
  let counter = 0;

  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const body = await readJson(req).catch(() => null);
      requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization, body });
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      const b = (body ?? {}) as Record<string, unknown>;
      // The test's own door (a browser test runs in another process than the app and its stand-ins).
      if (req.method === 'POST' && path === '/__test/khqr/pay' && typeof b.md5 === 'string') {
        khqrPaid.set(b.md5, { hash: `bakong-tx-${++counter}`, amount: Number(b.amount), currency: String(b.currency) });
        return send(200, { ok: true });
      }
      // Bakong Open API
      if (req.method === 'POST' && path === '/v1/check_transaction_by_md5') {
        if (req.headers.authorization !== `Bearer ${STANDIN_BAKONG_TOKEN}`)
          return send(200, { responseCode: 1, responseMessage: 'Unauthorized', errorCode: 6, data: null });
        const paid = typeof b.md5 === 'string' ? khqrPaid.get(b.md5) : undefined;
        if (!paid)
          return send(200, {
            responseCode: 1,
            responseMessage: 'Transaction could not be found. Please check and try again.',
            errorCode: 1,
            data: null,
          });
        return send(200, {
          responseCode: 0,
          responseMessage: 'Getting transaction successfully.',
          errorCode: null,
          data: {
            hash: paid.hash,
            fromAccountId: 'buyer@bank',
            toAccountId: 'shop@bank',
            currency: paid.currency,
            amount: paid.amount,
            createdDateMs: Date.now(),
            acknowledgedDateMs: Date.now(),
          },
        });
      }
      if (req.method === 'POST' && path === '/v1/generate_deeplink_by_qr') {
        if (typeof b.qr !== 'string') return send(200, { responseCode: 1, errorCode: 5, data: null });
        return send(200, {
          responseCode: 0,
          errorCode: null,
          data: { shortLink: `https://bakong.example/dl/${encodeURIComponent(String(++counter))}` },
        });
      }
      // QPay v2
      if (req.method === 'POST' && path === '/v2/auth/token') {
        const basic = `Basic ${Buffer.from(`${STANDIN_QPAY.clientId}:${STANDIN_QPAY.clientSecret}`).toString('base64')}`;
        if (req.headers.authorization !== basic) return send(401, { error: 'AUTHENTICATION_FAILED' });
        const token = `qpay-access-${++counter}`;
        qpayTokens.add(token);
        return send(200, { token_type: 'bearer', access_token: token, refresh_token: 'r', expires_in: 3600 });
      }
      const bearer = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
      if (path.startsWith('/v2/') && !qpayTokens.has(bearer)) return send(401, { error: 'NO_CREDENDIALS' });
      if (req.method === 'POST' && path === '/v2/invoice') {
        const id = `inv-${++counter}`;
        qpayInvoices.set(id, { body: b, payments: [] });
        return send(200, {
          invoice_id: id,
          qr_text: `0002010102121531QPAY${id}5204599953034965802MN6304ABCD`,
          qr_image: '',
          qPay_shortUrl: `https://qpay.example/s/${id}`,
          urls: [{ name: 'Khan bank', description: 'Хаан банк', logo: '', link: `khanbank://q?qPay_QRcode=${id}` }],
        });
      }
      if (req.method === 'POST' && path === '/v2/payment/check') {
        const invoice = typeof b.object_id === 'string' ? qpayInvoices.get(b.object_id) : undefined;
        if (!invoice || b.object_type !== 'INVOICE') return send(404, { error: 'INVOICE_NOTFOUND' });
        const rows = invoice.payments.map((p) => ({
          payment_id: p.id,
          payment_status: p.refunded ? 'REFUNDED' : 'PAID',
          payment_amount: String(p.amount),
          payment_wallet: 'Khan bank',
          transaction_type: 'P2P',
        }));
        return send(200, { count: rows.length, paid_amount: rows.reduce((n, r) => n + Number(r.payment_amount), 0), rows });
      }
      const refund = /^\/v2\/payment\/refund\/(.+)$/.exec(path);
      if (req.method === 'DELETE' && refund) {
        for (const invoice of qpayInvoices.values()) {
          const payment = invoice.payments.find((p) => p.id === decodeURIComponent(refund[1]!));
          if (payment) {
            payment.refunded = true;
            return send(200, {});
          }
        }
        return send(404, { error: 'PAYMENT_NOTFOUND' });
      }
      send(404, { error: 'NOT_FOUND' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    qpayInvoices,
    payKhqr(md5, amount, currency) {
      khqrPaid.set(md5, { hash: `bakong-tx-${++counter}`, amount, currency });
    },
    payQpayInvoice(invoiceId, amount) {
      const invoice = qpayInvoices.get(invoiceId);
      if (!invoice) throw new Error(`no invoice ${invoiceId}`);
      const id = `pay-${++counter}`;
      invoice.payments.push({ id, amount, refunded: false });
      return id;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
