import { storedDigits } from '../money-format';
import { tlv, withCrc } from './emv';
import { RailError, type QrIssued, type QrRail, type QrReportedPayment, type QrRefund, type QrRequest } from './rail';

/**
 * A brand's Lao QR details. LAPNet's Lao QR (which BCEL OnePay and the other Lao banks' apps scan)
 * follows EMVCo: the merchant account sits in a template whose application id (`guid`) and layout
 * the brand's acquiring bank gives it with its merchant id.
 */
export interface LaoQrMerchant {
  merchantId: string;
  merchantName: string;
  merchantCity: string;
  /** The acquiring bank's code in the template (sub-field 01); optional. */
  bankCode?: string | undefined;
  /** The template's application id (sub-field 00), as the acquiring bank gives it. */
  guid: string;
}

// ISO 4217 numeric codes of the currencies a Lao QR code is issued in.
const NUMERIC: Record<string, string> = { LAK: '418', USD: '840', THB: '764' };

/**
 * Lao QR: an EMVCo dynamic code built here. No public API was found to ask a Lao bank whether a
 * code was paid (BCEL OnePay's merchant notification is given to merchants under contract), so
 * `check` reports nothing: a Lao QR order expires unless a status source is added, and the
 * settings page says so.
 */
export class LaoQrRail implements QrRail {
  readonly kind = 'LAOQR';
  constructor(private readonly merchant: LaoQrMerchant) {}

  issue(request: QrRequest): Promise<QrIssued> {
    const numeric = NUMERIC[request.currency];
    if (!numeric) throw new RailError('Lao QR', `currency ${request.currency} is not LAK, USD or THB`);
    const digits = storedDigits(request.currency);
    const amount = (request.amountMinor / 10 ** digits).toFixed(digits);
    const account =
      tlv('00', this.merchant.guid) +
      (this.merchant.bankCode ? tlv('01', this.merchant.bankCode) : '') +
      tlv('02', this.merchant.merchantId);
    const body = [
      tlv('00', '01'),
      // 12: a dynamic code, for one payment of this amount.
      tlv('01', '12'),
      tlv('38', account),
      tlv('52', '5999'),
      tlv('53', numeric),
      tlv('54', amount),
      tlv('58', 'LA'),
      tlv('59', this.merchant.merchantName.slice(0, 25)),
      tlv('60', this.merchant.merchantCity.slice(0, 15)),
      tlv('62', tlv('01', request.reference.slice(0, 25))),
    ].join('');
    return Promise.resolve({ qrPayload: withCrc(body), deepLink: null, providerRef: request.reference });
  }

  check(): Promise<QrReportedPayment[]> {
    return Promise.resolve([]);
  }

  refund(): Promise<QrRefund> {
    return Promise.resolve({ refunded: false, why: 'Lao QR has no public refund API' });
  }
}
