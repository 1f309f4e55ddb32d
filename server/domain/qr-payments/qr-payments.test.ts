import { createHash, randomUUID } from 'node:crypto';
import { BakongKHQR } from 'bakong-khqr';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { startQrBankStandIns, STANDIN_BAKONG_TOKEN, STANDIN_QPAY, type QrBankStandIns } from '../../../test/support/qr-bank-standins';
import { DEMO_BRAND_SLUG, DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { setBagItem } from '../bag';
import { goLive, makeBuyers, variantBySku } from '../checkout.test-support';
import type { Actor } from '../context';
import { parseEmv } from './emv';
import { LaoQrRail } from './laoqr-rail';
import type { QrConfig } from './qr-config';
import { buyNowByQr, checkoutBagByQr } from './qr-checkout';
import { checkQrPayment, listQrRefundTasks, resumeStalledQrChecks } from './qr-settle';
import { getQrProviders, saveQrProvider } from './qr-settings';
import { markQrRefundDone, qrRefundEmailKey } from './qr-refunds';
import { receiveQpayCallback } from './qpay-callback';
import { demoActors, expectAppError } from '../test-actors';
import { emailJobKey } from '../../mail/outbox';

let database: TestDatabase;
let bank: QrBankStandIns;
let config: QrConfig;
let owner: Actor;
let brandId: string;
let serum: Awaited<ReturnType<typeof variantBySku>>;
const showId = DEMO_SHOW_ID;
const KHQR_SETTINGS = { accountId: 'glowup@aclb', merchantName: 'Glow Up', merchantCity: 'Phnom Penh' };

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  await goLive(database.prisma, showId);
  bank = await startQrBankStandIns();
  config = {
    bakongApiUrl: bank.url,
    qpayApiUrl: bank.url,
    publicUrl: 'http://localhost:3000',
    secretsKey: 'a-secrets-key-for-the-qr-payment-tests-only',
    paymentMinutes: 5,
    checkSeconds: 5,
    lateWatchMinutes: 60,
  };
  const brand = await database.prisma.brand.findUniqueOrThrow({
    where: { slug: DEMO_BRAND_SLUG },
    include: { members: { where: { role: 'OWNER' } } },
  });
  brandId = brand.id;
  owner = { userId: brand.members[0]!.userId, name: 'Owner' };
  serum = await variantBySku(database.prisma, 'LUM-SERUM-30ML');
});

afterAll(async () => {
  await bank?.close();
  await database?.stop();
});

async function useRail(kind: 'KHQR' | 'QPAY') {
  await saveQrProvider(database.prisma, config, owner, DEMO_BRAND_SLUG, {
    kind: 'KHQR',
    enabled: kind === 'KHQR',
    settings: KHQR_SETTINGS,
    secret: { token: STANDIN_BAKONG_TOKEN },
  });
  await saveQrProvider(database.prisma, config, owner, DEMO_BRAND_SLUG, {
    kind: 'QPAY',
    enabled: kind === 'QPAY',
    settings: { invoiceCode: 'GLOWUP_INVOICE', clientId: STANDIN_QPAY.clientId },
    secret: { clientSecret: STANDIN_QPAY.clientSecret },
  });
}

/** A buyer with an address but no saved card, with one serum (38.00 + 4.00 shipping) in the bag. */
async function buyerWithBag(): Promise<Actor> {
  const [buyer] = await makeBuyers(database.prisma, 1);
  await database.prisma.paymentMethod.deleteMany({ where: { userId: buyer!.userId } });
  await setBagItem(database.prisma, buyer!, { showId, variantId: serum.id, quantity: 1 });
  return buyer!;
}

const stockOf = async () => (await database.prisma.productVariant.findUniqueOrThrow({ where: { id: serum.id } })).stock;
const orderOf = (id: string) => database.prisma.order.findUnique({ where: { id } });
const afterExpiry = (expiresAt: string) => new Date(new Date(expiresAt).getTime() + 1000);

describe('KHQR (Bakong)', () => {
  beforeEach(() => useRail('KHQR'));

  it('a bag paid by KHQR: the code decodes to the amount and merchant, the stand-in bank confirms it, and the order becomes PAID', async () => {
    const buyer = await buyerWithBag();
    const before = await stockOf();
    const { order, qr } = await checkoutBagByQr(database.prisma, config, buyer, { showId, idempotencyKey: randomUUID() });
    expect(order.status).toBe('PLACED');
    expect(qr).toMatchObject({ kind: 'KHQR', status: 'AWAITING_PAYMENT', amountMinor: 4200, currency: 'USD' });
    expect(qr.deepLink).toMatch(/^https:\/\/bakong\.example\/dl\//);
    expect(await stockOf()).toBe(before - 1);
    const decoded = BakongKHQR.decode(qr.qrPayload).data;
    expect(decoded).toMatchObject({
      bakongAccountID: 'glowup@aclb',
      merchantName: 'Glow Up',
      merchantCity: 'Phnom Penh',
      transactionCurrency: '840',
    });
    expect(Number(decoded.transactionAmount)).toBe(42);

    const row = await database.prisma.qrPayment.findUniqueOrThrow({ where: { orderId: order.id } });
    expect(row.providerRef).toBe(createHash('md5').update(qr.qrPayload).digest('hex'));
    expect((await checkQrPayment(database.prisma, config, row.id))?.status).toBe('AWAITING_PAYMENT');
    const check = bank.requests.findLast((r) => r.path === '/v1/check_transaction_by_md5');
    expect(check).toMatchObject({ method: 'POST', authorization: `Bearer ${STANDIN_BAKONG_TOKEN}`, body: { md5: row.providerRef } });

    bank.payKhqr(row.providerRef, 42, 'USD');
    expect((await checkQrPayment(database.prisma, config, row.id))?.status).toBe('PAID');
    expect(await orderOf(order.id)).toMatchObject({ status: 'PAID', paymentMethodId: null });
    expect(await database.prisma.payment.findFirst({ where: { orderId: order.id } })).toMatchObject({
      provider: 'KHQR',
      amountMinor: 4200,
    });
    expect(await database.prisma.bagItem.count({ where: { userId: buyer.userId } })).toBe(0);
    // The receipt email, queued by confirm_order as for a card.
    expect(await database.prisma.job.count({ where: { kind: 'email.send', dedupeKey: { contains: order.id } } })).toBe(1);
    expect(await stockOf()).toBe(before - 1);
  });

  it('an unpaid KHQR code expires: the reservation is released and the stock comes back', async () => {
    const buyer = await buyerWithBag();
    const before = await stockOf();
    const { order, qr } = await checkoutBagByQr(database.prisma, config, buyer, { showId, idempotencyKey: randomUUID() });
    expect(await stockOf()).toBe(before - 1);
    const row = await database.prisma.qrPayment.findUniqueOrThrow({ where: { orderId: order.id } });
    const result = await checkQrPayment(database.prisma, config, row.id, afterExpiry(qr.expiresAt));
    expect(result).toMatchObject({ status: 'EXPIRED', released: [{ variantId: serum.id, stock: before }] });
    expect(result?.next).not.toBeNull();
    expect(await orderOf(order.id)).toBeNull();
    expect(await stockOf()).toBe(before);
  });

  it('a KHQR payment that arrives after expiry is kept as a refund task for the brand (Bakong has no refund call), never lost', async () => {
    const buyer = await buyerWithBag();
    const { order, qr } = await checkoutBagByQr(database.prisma, config, buyer, { showId, idempotencyKey: randomUUID() });
    const row = await database.prisma.qrPayment.findUniqueOrThrow({ where: { orderId: order.id } });
    await checkQrPayment(database.prisma, config, row.id, afterExpiry(qr.expiresAt));
    bank.payKhqr(row.providerRef, 42, 'USD');
    const late = new Date(afterExpiry(qr.expiresAt).getTime() + 60_000);
    expect((await checkQrPayment(database.prisma, config, row.id, late))?.status).toBe('EXPIRED');
    // A second look finds the same payment and does nothing more with it.
    await checkQrPayment(database.prisma, config, row.id, late);
    expect(await orderOf(order.id)).toBeNull();
    const tasks = await listQrRefundTasks(database.prisma, brandId);
    expect(tasks.filter((t) => t.qrPayment.reference === row.reference)).toEqual([
      expect.objectContaining({ amountMinor: 4200, note: expect.stringContaining('paid after expiry') }),
    ]);
  });

  it('a refund task the owner marks done is closed once, and the buyer is emailed the refund in their language; another brand cannot close it', async () => {
    const buyer = await buyerWithBag();
    await database.prisma.user.update({ where: { id: buyer.userId }, data: { locale: 'km' } });
    const { order, qr } = await checkoutBagByQr(database.prisma, config, buyer, { showId, idempotencyKey: randomUUID() });
    const row = await database.prisma.qrPayment.findUniqueOrThrow({ where: { orderId: order.id } });
    await checkQrPayment(database.prisma, config, row.id, afterExpiry(qr.expiresAt));
    bank.payKhqr(row.providerRef, 42, 'USD');
    await checkQrPayment(database.prisma, config, row.id, new Date(afterExpiry(qr.expiresAt).getTime() + 60_000));
    const task = (await listQrRefundTasks(database.prisma, brandId)).find((t) => t.qrPayment.reference === row.reference)!;
    const emails = () => database.prisma.job.findMany({ where: { dedupeKey: emailJobKey(qrRefundEmailKey(task.id)) } });
    expect(await emails()).toHaveLength(0);

    const { koraOwner } = await demoActors(database.prisma);
    await expectAppError(markQrRefundDone(database.prisma, koraOwner, DEMO_BRAND_SLUG, task.id, null), 'NOT_FOUND');
    await markQrRefundDone(database.prisma, owner, DEMO_BRAND_SLUG, task.id, 'ABA-778812');
    await markQrRefundDone(database.prisma, owner, DEMO_BRAND_SLUG, task.id, 'ABA-778812');
    expect(await database.prisma.qrPaymentReceipt.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      outcome: 'REFUNDED',
      refundRef: 'ABA-778812',
      resolvedAt: expect.any(Date),
    });
    expect((await listQrRefundTasks(database.prisma, brandId)).map((t) => t.id)).not.toContain(task.id);
    const [email] = await emails();
    expect(await emails()).toHaveLength(1);
    const payload = email!.payload as { to: string; subject: string; text: string };
    expect(payload.subject).toContain('សងវិញ');
    expect(payload.text).toContain('ABA-778812');
    expect(payload.text).toContain('KHQR');
  });

  it('a wait whose chain of checks stopped is picked up by the sweep after its expiry, and then expires', async () => {
    const buyer = await buyerWithBag();
    const { order, qr } = await checkoutBagByQr(database.prisma, config, buyer, { showId, idempotencyKey: randomUUID() });
    const row = await database.prisma.qrPayment.findUniqueOrThrow({ where: { orderId: order.id } });
    // Its queued checks are lost (as if each failed all its attempts).
    await database.prisma.job.deleteMany({ where: { kind: 'qr.check', dedupeKey: { startsWith: `qr-check:${row.id}:` } } });
    const later = new Date(new Date(qr.expiresAt).getTime() + 2 * 60_000);
    expect(await resumeStalledQrChecks(database.prisma, later)).toBeGreaterThanOrEqual(1);
    const resumed = await database.prisma.job.findFirstOrThrow({
      where: { kind: 'qr.check', dedupeKey: { startsWith: `qr-check:${row.id}:` } },
    });
    expect(resumed.payload).toMatchObject({ qrPaymentId: row.id });
    expect((await checkQrPayment(database.prisma, config, row.id, later))?.status).toBe('EXPIRED');
    expect(await orderOf(order.id)).toBeNull();
  });

  it('a bag checked out by QR needs no saved card, and the same key answers the same order and code', async () => {
    const buyer = await buyerWithBag();
    const key = randomUUID();
    const first = await checkoutBagByQr(database.prisma, config, buyer, { showId, idempotencyKey: key });
    const again = await checkoutBagByQr(database.prisma, config, buyer, { showId, idempotencyKey: key });
    expect(again.order).toMatchObject({ id: first.order.id, replayed: true });
    expect(again.qr.qrPayload).toBe(first.qr.qrPayload);
    expect(await database.prisma.qrPayment.count({ where: { orderId: first.order.id } })).toBe(1);
  });
});

describe('one tap by QR', () => {
  beforeEach(() => useRail('KHQR'));

  it('a one-tap purchase paid by KHQR holds one unit without a card and becomes PAID once the stand-in bank confirms', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    await database.prisma.paymentMethod.deleteMany({ where: { userId: buyer!.userId } });
    const before = await stockOf();
    const { order, qr } = await buyNowByQr(database.prisma, config, buyer!, {
      showId,
      variantId: serum.id,
      quantity: 1,
      idempotencyKey: randomUUID(),
    });
    expect(order).toMatchObject({ source: 'ONE_TAP', orderStatus: 'PLACED', totalMinor: 3800 + 400 });
    expect(Number(BakongKHQR.decode(qr.qrPayload).data.transactionAmount)).toBe(42);
    expect(await stockOf()).toBe(before - 1);
    const row = await database.prisma.qrPayment.findUniqueOrThrow({ where: { orderId: order.orderId } });
    bank.payKhqr(row.providerRef, 42, 'USD');
    expect((await checkQrPayment(database.prisma, config, row.id))?.status).toBe('PAID');
    expect((await orderOf(order.orderId))?.status).toBe('PAID');
  });
});

describe('QPay', () => {
  beforeEach(() => useRail('QPAY'));

  it('a QPay invoice paid twice is applied once and the second payment is refunded through QPay', async () => {
    const buyer = await buyerWithBag();
    const { order, qr } = await checkoutBagByQr(database.prisma, config, buyer, { showId, idempotencyKey: randomUUID() });
    expect(qr).toMatchObject({ kind: 'QPAY', deepLink: expect.stringContaining('https://qpay.example/s/') });
    const row = await database.prisma.qrPayment.findUniqueOrThrow({ where: { orderId: order.id } });
    expect(bank.qpayInvoices.get(row.providerRef)?.body).toMatchObject({
      invoice_code: 'GLOWUP_INVOICE',
      sender_invoice_no: row.reference,
      amount: 42,
      callback_url: `http://localhost:3000/api/qr-payments/qpay-callback?ref=${row.reference}`,
    });
    bank.payQpayInvoice(row.providerRef, 42);
    const second = bank.payQpayInvoice(row.providerRef, 42);
    expect((await checkQrPayment(database.prisma, config, row.id))?.status).toBe('PAID');
    expect((await orderOf(order.id))?.status).toBe('PAID');
    const receipts = await database.prisma.qrPaymentReceipt.findMany({ where: { qrPaymentId: row.id }, orderBy: { createdAt: 'asc' } });
    expect(receipts.map((r) => r.outcome).sort()).toEqual(['APPLIED', 'REFUNDED']);
    expect(receipts.find((r) => r.outcome === 'REFUNDED')).toMatchObject({ providerPaymentId: second, note: 'paid twice' });
    expect(bank.requests.filter((r) => r.method === 'DELETE' && r.path === `/v2/payment/refund/${second}`)).toHaveLength(1);
    // Checked again: nothing is refunded twice.
    await checkQrPayment(database.prisma, config, row.id);
    expect(bank.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it("QPay's callback makes the app ask QPay at once: a callback before the payment changes nothing, the one after it confirms the order once, and repeats are harmless", async () => {
    const buyer = await buyerWithBag();
    const { order } = await checkoutBagByQr(database.prisma, config, buyer, { showId, idempotencyKey: randomUUID() });
    const row = await database.prisma.qrPayment.findUniqueOrThrow({ where: { orderId: order.id } });
    const t0 = Date.now();
    // A forged or early call: QPay says nothing was paid, so nothing is.
    expect(await receiveQpayCallback(database.prisma, config, row.reference, t0)).toEqual({ status: 'AWAITING_PAYMENT', checked: true });
    expect((await orderOf(order.id))?.status).toBe('PLACED');
    bank.payQpayInvoice(row.providerRef, 42);
    // Too soon after the last check: answered without calling QPay again.
    expect(await receiveQpayCallback(database.prisma, config, row.reference, t0 + 500)).toEqual({
      status: 'AWAITING_PAYMENT',
      checked: false,
    });
    expect(await receiveQpayCallback(database.prisma, config, row.reference, t0 + 3_000)).toEqual({ status: 'PAID', checked: true });
    expect(await receiveQpayCallback(database.prisma, config, row.reference, t0 + 6_000)).toMatchObject({ status: 'PAID' });
    expect((await orderOf(order.id))?.status).toBe('PAID');
    expect(await database.prisma.qrPaymentReceipt.findMany({ where: { qrPaymentId: row.id } })).toEqual([
      expect.objectContaining({ outcome: 'APPLIED', amountMinor: 4200 }),
    ]);
    expect(await database.prisma.payment.count({ where: { orderId: order.id } })).toBe(1);
    await expectAppError(receiveQpayCallback(database.prisma, config, 'O1-unknown', t0 + 9_000), 'NOT_FOUND');
  });

  it('a QPay payment after expiry is refunded through QPay and the order stays released', async () => {
    const buyer = await buyerWithBag();
    const { order, qr } = await checkoutBagByQr(database.prisma, config, buyer, { showId, idempotencyKey: randomUUID() });
    const row = await database.prisma.qrPayment.findUniqueOrThrow({ where: { orderId: order.id } });
    await checkQrPayment(database.prisma, config, row.id, afterExpiry(qr.expiresAt));
    const late = bank.payQpayInvoice(row.providerRef, 42);
    await checkQrPayment(database.prisma, config, row.id, new Date(afterExpiry(qr.expiresAt).getTime() + 60_000));
    expect(await orderOf(order.id)).toBeNull();
    expect(await database.prisma.qrPaymentReceipt.findFirst({ where: { qrPaymentId: row.id } })).toMatchObject({
      providerPaymentId: late,
      outcome: 'REFUNDED',
      note: 'paid after expiry',
    });
    // The buyer hears that the money is back, once.
    const receipt = await database.prisma.qrPaymentReceipt.findFirstOrThrow({ where: { qrPaymentId: row.id } });
    expect(await database.prisma.job.count({ where: { dedupeKey: emailJobKey(qrRefundEmailKey(receipt.id)) } })).toBe(1);
  });
});

describe('settings and refusals', () => {
  it('QR credentials are stored sealed and never shown back', async () => {
    await useRail('KHQR');
    const row = await database.prisma.brandPaymentProvider.findUniqueOrThrow({ where: { brandId_kind: { brandId, kind: 'KHQR' } } });
    expect(row.credentialsSealed).not.toContain(STANDIN_BAKONG_TOKEN);
    expect(row.credentialsSealed).toMatch(/^v1\./);
    const views = await getQrProviders(database.prisma, owner, DEMO_BRAND_SLUG);
    expect(views.find((v) => v.kind === 'KHQR')).toEqual({ kind: 'KHQR', enabled: true, settings: KHQR_SETTINGS, hasSecret: true });
    expect(JSON.stringify(views)).not.toContain(STANDIN_BAKONG_TOKEN);
  });

  it('a brand without a QR provider refuses a QR checkout with QR_NOT_OFFERED before taking any stock', async () => {
    await database.prisma.brandPaymentProvider.updateMany({ where: { brandId }, data: { enabled: false } });
    const buyer = await buyerWithBag();
    const before = await stockOf();
    await expect(checkoutBagByQr(database.prisma, config, buyer, { showId, idempotencyKey: randomUUID() })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      reason: 'QR_NOT_OFFERED',
    });
    expect(await stockOf()).toBe(before);
  });

  it('a Lao QR code is an EMVCo payload whose CRC checks and which carries the amount, currency and merchant', async () => {
    const rail = new LaoQrRail({
      merchantId: 'M123456',
      merchantName: 'Vientiane Shop',
      merchantCity: 'Vientiane',
      guid: 'A005266284662577',
    });
    const issued = await rail.issue({ reference: 'O7-abc', amountMinor: 150000, currency: 'LAK', expiresAt: new Date(), description: 'x' });
    const fields = parseEmv(issued.qrPayload);
    expect(fields?.get('54')).toBe('150000');
    expect(fields?.get('53')).toBe('418');
    expect(fields?.get('59')).toBe('Vientiane Shop');
    expect(fields?.get('38')).toContain('M123456');
    expect(parseEmv(issued.qrPayload.replace('150000', '150001'))).toBeNull();
  });
});
