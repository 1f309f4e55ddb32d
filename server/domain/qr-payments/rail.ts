// What the app needs from a bank QR rail (KHQR/Bakong, QPay, Lao QR). Unlike a card provider
// (server/domain/payments/provider.ts) nothing is charged by us: we show a code, the buyer's bank
// pays it, and we ask the rail whether it did. Our QrPayment rows are the truth about the wait.

export interface QrRequest {
  /** Our bill number, printed in the code; unique per order. */
  reference: string;
  amountMinor: number;
  currency: string;
  expiresAt: Date;
  /** A short line the buyer's banking app shows (the brand and order number). */
  description: string;
}

export interface QrIssued {
  /** The text the QR code encodes. */
  qrPayload: string;
  /** Opens the buyer's banking app on a phone; null when the rail offers none. */
  deepLink: string | null;
  /** What `check` takes: the MD5 of a KHQR string, a QPay invoice id. */
  providerRef: string;
}

/** One payment the rail reports against a code; a code paid twice reports two. */
export interface QrReportedPayment {
  id: string;
  amountMinor: number;
}

export type QrRefund = { refunded: true; refundRef: string } | { refunded: false; why: string };

export interface QrRail {
  readonly kind: 'KHQR' | 'QPAY' | 'LAOQR';
  issue(request: QrRequest): Promise<QrIssued>;
  /** Every payment made against the code so far, in minor units of `currency` (empty: not paid yet). Throws when the rail did not answer. */
  check(providerRef: string, currency: string): Promise<QrReportedPayment[]>;
  /** Pays one payment back through the rail, or says why it cannot (then a person refunds by hand). */
  refund(providerRef: string, payment: QrReportedPayment): Promise<QrRefund>;
}

/** Minor units to the decimal amount a rail prints, e.g. 1250 USD → 12.5, 50000 KHR → 50000. */
export function majorAmount(amountMinor: number, digits: number): number {
  return amountMinor / 10 ** digits;
}

/** A rail's answer was not what its documentation says: retried by the job queue, never taken as paid. */
export class RailError extends Error {
  constructor(rail: string, detail: string) {
    super(`${rail}: ${detail}`);
    this.name = 'RailError';
  }
}

export async function postJson(url: string, body: unknown, headers: Record<string, string>, rail: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new RailError(rail, `no answer from ${new URL(url).pathname}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = await response.text();
  if (!response.ok) throw new RailError(rail, `${new URL(url).pathname} answered HTTP ${response.status}`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RailError(rail, `${new URL(url).pathname} answered something other than JSON`);
  }
}
