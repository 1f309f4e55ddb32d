import type { Env } from '../../env';

/** What the QR payment module reads from the configuration (server/env.ts). */
export interface QrConfig {
  bakongApiUrl: string;
  qpayApiUrl: string;
  publicUrl: string;
  secretsKey: string;
  paymentMinutes: number;
  checkSeconds: number;
  lateWatchMinutes: number;
}

export type QrEnv = Pick<
  Env,
  'BAKONG_API_URL' | 'QPAY_API_URL' | 'PUBLIC_URL' | 'SECRETS_KEY' | 'QR_PAYMENT_MINUTES' | 'QR_CHECK_SECONDS' | 'QR_LATE_WATCH_MINUTES'
>;

export function qrConfigOf(env: QrEnv): QrConfig {
  return {
    bakongApiUrl: env.BAKONG_API_URL,
    qpayApiUrl: env.QPAY_API_URL,
    publicUrl: env.PUBLIC_URL,
    secretsKey: env.SECRETS_KEY,
    paymentMinutes: env.QR_PAYMENT_MINUTES,
    checkSeconds: env.QR_CHECK_SECONDS,
    lateWatchMinutes: env.QR_LATE_WATCH_MINUTES,
  };
}
