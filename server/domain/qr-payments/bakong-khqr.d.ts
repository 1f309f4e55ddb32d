// The few parts of the official `bakong-khqr` package (plain JavaScript, no types of its own) this module uses.
declare module 'bakong-khqr' {
  interface KhqrStatus {
    code: number;
    errorCode: number | null;
    message: string | null;
  }
  export interface KhqrOptional {
    currency?: number;
    amount?: number;
    billNumber?: string;
    mobileNumber?: string;
    storeLabel?: string;
    terminalLabel?: string;
    expirationTimestamp?: number;
    merchantCategoryCode?: string;
    acquiringBank?: string;
    accountInformation?: string;
  }
  export class IndividualInfo {
    readonly bakongAccountID: string;
    constructor(bakongAccountID: string, merchantName: string, merchantCity: string, optional?: KhqrOptional);
  }
  export class MerchantInfo extends IndividualInfo {
    constructor(
      bakongAccountID: string,
      merchantName: string,
      merchantCity: string,
      merchantID: string,
      acquiringBank: string,
      optional?: KhqrOptional,
    );
  }
  export interface KhqrDecoded {
    merchantType: string | null;
    bakongAccountID: string | null;
    merchantID: string | null;
    acquiringBank: string | null;
    billNumber: string | null;
    transactionCurrency: string | null;
    transactionAmount: string | null;
    merchantName: string | null;
    merchantCity: string | null;
    expirationTimestamp: string | null;
  }
  export class BakongKHQR {
    generateIndividual(info: IndividualInfo): { status: KhqrStatus; data: { qr: string; md5: string } | null };
    generateMerchant(info: MerchantInfo): { status: KhqrStatus; data: { qr: string; md5: string } | null };
    static decode(qr: string): { status: KhqrStatus; data: KhqrDecoded };
    static verify(qr: string): { isValid: boolean };
    static generateDeepLink(url: string, qr: string): Promise<{ status: KhqrStatus; data: { shortLink: string } | null }>;
  }
  export const khqrData: { currency: { usd: number; khr: number } };
}
