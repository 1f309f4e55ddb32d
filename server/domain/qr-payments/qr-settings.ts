import { z } from 'zod';
import type { Actor, Db } from '../context';
import { requireBrandMember } from '../brands';
import { AppError } from '../errors';
import { openSecret, sealSecret, secretsKey } from '../simulcast';
import type { QrConfig } from './qr-config';
import { KhqrRail } from './khqr-rail';
import { LaoQrRail } from './laoqr-rail';
import { QpayRail } from './qpay-rail';
import type { QrRail } from './rail';

export const QR_KINDS = ['KHQR', 'QPAY', 'LAOQR'] as const;
export type QrKind = (typeof QR_KINDS)[number];

const line = (max: number) => z.string().trim().min(1).max(max);
const optionalLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

// What is shown back on the settings page (settings JSON) and what is sealed (credentialsSealed).
const khqrSettings = z.object({
  accountId: z
    .string()
    .trim()
    .regex(/^[^@\s]{1,32}@[a-z0-9]{1,16}$/i, 'a Bakong account id like shop@bank'),
  merchantName: line(25),
  merchantCity: line(15),
  merchantId: optionalLine(32),
  acquiringBank: optionalLine(32),
});
const qpaySettings = z.object({ invoiceCode: line(64), clientId: line(128) });
const laoQrSettings = z.object({
  merchantId: line(32),
  merchantName: line(25),
  merchantCity: line(15),
  bankCode: optionalLine(16),
  guid: line(32),
});

/** The settings form of each kind; a secret left empty keeps the stored one. */
export const qrProviderInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('KHQR'),
    enabled: z.boolean(),
    settings: khqrSettings,
    secret: z.object({ token: z.string().trim().max(2000) }),
  }),
  z.object({
    kind: z.literal('QPAY'),
    enabled: z.boolean(),
    settings: qpaySettings,
    secret: z.object({ clientSecret: z.string().trim().max(500) }),
  }),
  z.object({ kind: z.literal('LAOQR'), enabled: z.boolean(), settings: laoQrSettings, secret: z.object({}) }),
]);
export type QrProviderInput = z.input<typeof qrProviderInputSchema>;

const SECRET_FIELD: Record<QrKind, string | null> = { KHQR: 'token', QPAY: 'clientSecret', LAOQR: null };

export interface QrProviderView {
  kind: QrKind;
  enabled: boolean;
  settings: Record<string, string>;
  /** Whether a secret is stored; the secret itself never leaves the server. */
  hasSecret: boolean;
}

export async function getQrProviders(db: Db, actor: Actor, brandSlug: string): Promise<QrProviderView[]> {
  const brand = await requireBrandMember(db, actor, { slug: brandSlug }, { owner: true });
  const rows = await db.brandPaymentProvider.findMany({ where: { brandId: brand.brandId, kind: { in: [...QR_KINDS] } } });
  return QR_KINDS.map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    const settings = z
      .record(z.string(), z.string())
      .catch({})
      .parse(row?.settings ?? {});
    return { kind, enabled: row?.enabled ?? false, settings, hasSecret: Boolean(row?.credentialsSealed) };
  });
}

/** Saves one QR provider of a brand (owners only); its secret sealed with SECRETS_KEY. */
export async function saveQrProvider(
  db: Db,
  config: Pick<QrConfig, 'secretsKey'>,
  actor: Actor,
  brandSlug: string,
  raw: unknown,
): Promise<void> {
  const parsed = qrProviderInputSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const input = parsed.data;
  const brand = await requireBrandMember(db, actor, { slug: brandSlug }, { owner: true });
  const existing = await db.brandPaymentProvider.findUnique({ where: { brandId_kind: { brandId: brand.brandId, kind: input.kind } } });
  const field = SECRET_FIELD[input.kind];
  const typed = field ? (input.secret as Record<string, string>)[field] : '';
  const credentialsSealed = typed
    ? sealSecret(secretsKey(config.secretsKey), JSON.stringify({ [field!]: typed }))
    : (existing?.credentialsSealed ?? '');
  if (input.enabled && field && !credentialsSealed)
    throw new AppError('INVALID_INPUT', `${input.kind} needs its ${field} before it is switched on`);
  const settings = Object.fromEntries(Object.entries(input.settings).filter(([, v]) => v !== undefined)) as Record<string, string>;
  await db.brandPaymentProvider.upsert({
    where: { brandId_kind: { brandId: brand.brandId, kind: input.kind } },
    create: { brandId: brand.brandId, kind: input.kind, enabled: input.enabled, settings, credentialsSealed },
    update: { enabled: input.enabled, settings, credentialsSealed },
  });
}

/** The QR rail a brand takes payments with now: the first enabled of KHQR, QPay, Lao QR; null when none. */
export async function offeredQrKind(db: Db, brandId: string): Promise<QrKind | null> {
  const rows = await db.brandPaymentProvider.findMany({
    where: { brandId, enabled: true, kind: { in: [...QR_KINDS] } },
    select: { kind: true },
  });
  return QR_KINDS.find((kind) => rows.some((r) => r.kind === kind)) ?? null;
}

/**
 * The rail of a brand's stored provider row, enabled or not: a payment issued before the brand
 * switched the provider off is still checked, and refunded if it comes late.
 */
export async function railOf(db: Db, config: QrConfig, brandId: string, kind: QrKind): Promise<QrRail> {
  const row = await db.brandPaymentProvider.findUnique({ where: { brandId_kind: { brandId, kind } } });
  if (!row) throw new AppError('QR_NOT_OFFERED', `brand ${brandId} has no ${kind} row`);
  const secret = row.credentialsSealed
    ? z.record(z.string(), z.string()).parse(JSON.parse(openSecret(secretsKey(config.secretsKey), row.credentialsSealed)))
    : {};
  const callbackUrl = new URL('/api/qr-payments/qpay-callback', config.publicUrl).toString();
  switch (kind) {
    case 'KHQR':
      return new KhqrRail(khqrSettings.parse(row.settings), secret.token ?? '', config.bakongApiUrl);
    case 'QPAY': {
      const settings = qpaySettings.parse(row.settings);
      return new QpayRail({ ...settings, clientSecret: secret.clientSecret ?? '' }, config.qpayApiUrl, callbackUrl);
    }
    case 'LAOQR':
      return new LaoQrRail(laoQrSettings.parse(row.settings));
  }
}
