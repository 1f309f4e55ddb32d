import { storedDigits } from '../money-format';
import {
  majorAmount,
  postJson,
  RailError,
  type QrIssued,
  type QrRail,
  type QrReportedPayment,
  type QrRefund,
  type QrRequest,
} from './rail';

/** A brand's QPay merchant details: the invoice code QPay issued, and the client id and secret of its API account. */
export interface QpayMerchant {
  invoiceCode: string;
  clientId: string;
  clientSecret: string;
}

interface QpayToken {
  access_token?: string;
  expires_in?: number;
}
interface QpayInvoice {
  invoice_id?: string;
  qr_text?: string;
  qPay_shortUrl?: string;
  urls?: { name?: string; link?: string }[];
}
interface QpayCheck {
  count?: number;
  rows?: { payment_id?: string | number; payment_status?: string; payment_amount?: number | string; payment_currency?: string }[];
}

/** The invoice's callback: the app's callback route with our reference of the payment. */
export function qpayCallbackUrl(base: string, reference: string): string {
  const url = new URL(base);
  url.searchParams.set('ref', reference);
  return url.toString();
}

// Tokens QPay issued, per API account, until shortly before they lapse.
const tokens = new Map<string, { token: string; until: number }>();

/**
 * QPay merchant API v2 (Mongolia): POST /v2/auth/token (HTTP Basic with the client id and secret),
 * POST /v2/invoice, POST /v2/payment/check, DELETE /v2/payment/refund/{payment_id}. QPay also calls
 * the invoice's callback_url when it is paid: the app then checks at once (qpay-callback.ts) rather
 * than at its next poll, and never takes the callback's word for the payment.
 */
export class QpayRail implements QrRail {
  readonly kind = 'QPAY';
  constructor(
    private readonly merchant: QpayMerchant,
    private readonly apiUrl: string,
    private readonly callbackUrl: string,
  ) {}

  private async token(): Promise<string> {
    const key = `${this.apiUrl}\0${this.merchant.clientId}`;
    const cached = tokens.get(key);
    if (cached && cached.until > Date.now()) return cached.token;
    const basic = Buffer.from(`${this.merchant.clientId}:${this.merchant.clientSecret}`).toString('base64');
    const answer = (await postJson(this.url('/v2/auth/token'), {}, { authorization: `Basic ${basic}` }, 'QPay')) as QpayToken;
    if (!answer.access_token) throw new RailError('QPay', 'auth/token answered without access_token');
    const seconds = Math.max(60, Math.min(answer.expires_in ?? 3600, 86_400));
    tokens.set(key, { token: answer.access_token, until: Date.now() + (seconds - 30) * 1000 });
    return answer.access_token;
  }

  private url(path: string): string {
    return new URL(path, this.apiUrl).toString();
  }

  async issue(request: QrRequest): Promise<QrIssued> {
    const token = await this.token();
    const invoice = (await postJson(
      this.url('/v2/invoice'),
      {
        invoice_code: this.merchant.invoiceCode,
        sender_invoice_no: request.reference,
        invoice_receiver_code: 'terminal',
        invoice_description: request.description,
        amount: majorAmount(request.amountMinor, storedDigits(request.currency)),
        // Names the payment, so the callback route knows which one to check (qpay-callback.ts).
        callback_url: qpayCallbackUrl(this.callbackUrl, request.reference),
      },
      { authorization: `Bearer ${token}` },
      'QPay',
    )) as QpayInvoice;
    if (!invoice.invoice_id || !invoice.qr_text) throw new RailError('QPay', 'invoice answered without invoice_id or qr_text');
    const deepLink = invoice.qPay_shortUrl ?? invoice.urls?.find((u) => u.link)?.link ?? null;
    return { qrPayload: invoice.qr_text, deepLink, providerRef: invoice.invoice_id };
  }

  async check(invoiceId: string, currency: string): Promise<QrReportedPayment[]> {
    const token = await this.token();
    const answer = (await postJson(
      this.url('/v2/payment/check'),
      { object_type: 'INVOICE', object_id: invoiceId, offset: { page_number: 1, page_limit: 100 } },
      { authorization: `Bearer ${token}` },
      'QPay',
    )) as QpayCheck;
    return (answer.rows ?? [])
      .filter((row) => row.payment_status === 'PAID' && row.payment_id !== undefined)
      .map((row) => ({
        id: String(row.payment_id),
        amountMinor: Math.round(Number(row.payment_amount ?? 0) * 10 ** storedDigits(row.payment_currency ?? currency)),
      }));
  }

  async refund(_invoiceId: string, payment: QrReportedPayment): Promise<QrRefund> {
    try {
      const token = await this.token();
      const response = await fetch(this.url(`/v2/payment/refund/${encodeURIComponent(payment.id)}`), {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ callback_url: this.callbackUrl, note: 'Refund' }),
        signal: AbortSignal.timeout(15_000),
      });
      if (!response.ok) return { refunded: false, why: `QPay refused the refund (HTTP ${response.status})` };
      return { refunded: true, refundRef: `qpay-refund:${payment.id}` };
    } catch (error) {
      return { refunded: false, why: `QPay did not answer the refund: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}
