import { BakongKHQR, IndividualInfo, khqrData, MerchantInfo } from 'bakong-khqr';
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

/** A brand's KHQR details: its Bakong account, and for a merchant (not individual) code its merchant id and bank. */
export interface KhqrMerchant {
  accountId: string;
  merchantName: string;
  merchantCity: string;
  merchantId?: string | undefined;
  acquiringBank?: string | undefined;
}

const CURRENCY = { USD: khqrData.currency.usd, KHR: khqrData.currency.khr } as const;

export function khqrCurrencyOf(currency: string): number | null {
  return currency === 'USD' || currency === 'KHR' ? CURRENCY[currency] : null;
}

/** Bakong's answer to check_transaction_by_md5 (Bakong Open API): responseCode 0 with data when paid, 1 otherwise. */
interface BakongCheck {
  responseCode?: number;
  responseMessage?: string;
  errorCode?: number | null;
  data?: { hash?: string; amount?: number; currency?: string } | null;
}

// Bakong Open API error code 1: "Transaction could not be found" -- not paid (yet).
const NOT_FOUND = 1;

/**
 * KHQR with the official `bakong-khqr` package; payments confirmed through Bakong's Open API
 * (POST /v1/check_transaction_by_md5 with the brand's bearer token, which takes the MD5 of the
 * exact QR string). The Open API has no refund call: a refund is a task for the brand.
 */
export class KhqrRail implements QrRail {
  readonly kind = 'KHQR';
  constructor(
    private readonly merchant: KhqrMerchant,
    private readonly token: string,
    private readonly apiUrl: string,
  ) {}

  async issue(request: QrRequest): Promise<QrIssued> {
    const currency = khqrCurrencyOf(request.currency);
    if (currency === null) throw new RailError('KHQR', `currency ${request.currency} is neither KHR nor USD`);
    const optional = {
      currency,
      amount: majorAmount(request.amountMinor, storedDigits(request.currency)),
      // KHQR's bill number (tag 62.01) takes at most 25 characters.
      billNumber: request.reference.slice(0, 25),
      storeLabel: this.merchant.merchantName.slice(0, 25),
      expirationTimestamp: request.expiresAt.getTime(),
    };
    const { merchantId, acquiringBank } = this.merchant;
    const khqr = new BakongKHQR();
    const made =
      merchantId && acquiringBank
        ? khqr.generateMerchant(
            new MerchantInfo(
              this.merchant.accountId,
              this.merchant.merchantName,
              this.merchant.merchantCity,
              merchantId,
              acquiringBank,
              optional,
            ),
          )
        : khqr.generateIndividual(
            new IndividualInfo(this.merchant.accountId, this.merchant.merchantName, this.merchant.merchantCity, optional),
          );
    if (!made.data) throw new RailError('KHQR', `the code was refused: ${made.status.message ?? made.status.errorCode}`);
    const deepLink = await this.deepLink(made.data.qr);
    return { qrPayload: made.data.qr, deepLink, providerRef: made.data.md5 };
  }

  /** Bakong's short link that opens a banking app on the code; a code without one is still payable by scanning. */
  private async deepLink(qr: string): Promise<string | null> {
    try {
      const answer = await BakongKHQR.generateDeepLink(new URL('/v1/generate_deeplink_by_qr', this.apiUrl).toString(), qr);
      return answer.data?.shortLink ?? null;
    } catch {
      return null;
    }
  }

  async check(md5: string, currency: string): Promise<QrReportedPayment[]> {
    const answer = (await postJson(
      new URL('/v1/check_transaction_by_md5', this.apiUrl).toString(),
      { md5 },
      { authorization: `Bearer ${this.token}` },
      'Bakong',
    )) as BakongCheck;
    if (answer.responseCode === 0 && answer.data?.hash) {
      const digits = storedDigits(answer.data.currency ?? currency);
      return [{ id: answer.data.hash, amountMinor: Math.round((answer.data.amount ?? 0) * 10 ** digits) }];
    }
    if (answer.responseCode === 1 && answer.errorCode === NOT_FOUND) return [];
    throw new RailError('Bakong', `check refused: errorCode ${answer.errorCode ?? '?'} ${answer.responseMessage ?? ''}`.trim());
  }

  refund(): Promise<QrRefund> {
    return Promise.resolve({ refunded: false, why: 'Bakong Open API has no refund call' });
  }
}
