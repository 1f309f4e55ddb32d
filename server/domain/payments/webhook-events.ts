import { z } from 'zod';

/** Every event a payment provider sends us, validated at the edge. */
export const paymentWebhookEventSchema = z.discriminatedUnion('type', [
  z.object({
    id: z.string().min(1).max(200),
    type: z.literal('payment.captured'),
    created: z.number().int(),
    data: z.object({ reference: z.string().min(1), amountMinor: z.number().int().nonnegative(), currency: z.string().length(3) }),
  }),
  z.object({
    id: z.string().min(1).max(200),
    type: z.literal('payment.voided'),
    created: z.number().int(),
    data: z.object({ reference: z.string().min(1) }),
  }),
  z.object({
    id: z.string().min(1).max(200),
    type: z.literal('refund.succeeded'),
    created: z.number().int(),
    data: z.object({
      refundRef: z.string().min(1),
      reference: z.string().min(1),
      amountMinor: z.number().int().positive(),
      idempotencyKey: z.string().min(1),
    }),
  }),
]);

export type PaymentWebhookEvent = z.infer<typeof paymentWebhookEventSchema>;
export type PaymentWebhookEventType = PaymentWebhookEvent['type'];
