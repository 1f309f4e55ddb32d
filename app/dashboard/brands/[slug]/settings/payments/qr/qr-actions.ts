'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getI18n } from '@/app/_i18n/server';
import { formAction, type ActionState } from '@/app/_lib/action';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import { markQrRefundDone, qrConfigOf, saveQrProvider } from '@/server/domain/qr-payments';
import { services } from '@/server/services';

// The form's flat fields; the domain's discriminated schema (qrProviderInputSchema) checks each kind's own.
const qrFormSchema = z.object({
  slug: z.string().min(1).max(60),
  kind: z.enum(['KHQR', 'QPAY', 'LAOQR']),
  enabled: z.string().optional(),
  accountId: z.string().max(200).optional(),
  merchantName: z.string().max(200).optional(),
  merchantCity: z.string().max(200).optional(),
  merchantId: z.string().max(200).optional(),
  acquiringBank: z.string().max(200).optional(),
  token: z.string().max(2000).optional(),
  invoiceCode: z.string().max(200).optional(),
  clientId: z.string().max(200).optional(),
  clientSecret: z.string().max(500).optional(),
  bankCode: z.string().max(200).optional(),
  guid: z.string().max(200).optional(),
});

export async function saveQrProviderAction(_: ActionState | null, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const state = await formAction(qrFormSchema, form, async (f, user) => {
    const { db, env } = services();
    const enabled = f.enabled === 'on';
    const input =
      f.kind === 'KHQR'
        ? {
            kind: f.kind,
            enabled,
            settings: {
              accountId: f.accountId ?? '',
              merchantName: f.merchantName ?? '',
              merchantCity: f.merchantCity ?? '',
              merchantId: f.merchantId,
              acquiringBank: f.acquiringBank,
            },
            secret: { token: f.token ?? '' },
          }
        : f.kind === 'QPAY'
          ? {
              kind: f.kind,
              enabled,
              settings: { invoiceCode: f.invoiceCode ?? '', clientId: f.clientId ?? '' },
              secret: { clientSecret: f.clientSecret ?? '' },
            }
          : {
              kind: f.kind,
              enabled,
              settings: {
                merchantId: f.merchantId ?? '',
                merchantName: f.merchantName ?? '',
                merchantCity: f.merchantCity ?? '',
                bankCode: f.bankCode,
                guid: f.guid ?? '',
              },
              secret: {},
            };
    await saveQrProvider(db, qrConfigOf(env), { userId: user.id, name: user.name }, f.slug, input);
    revalidatePath(`/dashboard/brands/${f.slug}/settings/payments/qr`);
    return { ok: true, message: t('dashboard.qrPayments.saved') };
  });
  return localiseState(state, t);
}

const refundDoneSchema = z.object({
  slug: z.string().min(1).max(60),
  receiptId: z.string().min(1).max(60),
  reference: z.string().trim().max(120).optional(),
});

/** The owner paid a QR refund task back by hand: closes it and emails the buyer (markQrRefundDone). */
export async function markQrRefundDoneAction(form: FormData): Promise<void> {
  await formAction(refundDoneSchema, form, async (f, user) => {
    await markQrRefundDone(services().db, { userId: user.id, name: user.name }, f.slug, f.receiptId, f.reference || null);
    // The section sits on the QR page and on the Payments page above it.
    revalidatePath(`/dashboard/brands/${f.slug}/settings/payments`, 'layout');
  });
}
