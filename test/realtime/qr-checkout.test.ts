import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { sealSecret, secretsKey } from '../../server/domain/simulcast';
import { ask, createBuyers, joinShow, startTestApp, type TestApp } from '../support/app';
import { startQrBankStandIns, STANDIN_BAKONG_TOKEN, type QrBankStandIns } from '../support/qr-bank-standins';

// A bag paid by KHQR over the show channel (issue 21): real server, real job queue, real sockets,
// Bakong played by the local stand-in.
let t: TestApp;
let bank: QrBankStandIns;
const showId = DEMO_SHOW_ID;
const SECRETS_KEY = 'a-secrets-key-for-the-qr-checkout-test-only';

beforeAll(async () => {
  bank = await startQrBankStandIns();
  t = await startTestApp({ BAKONG_API_URL: bank.url, QR_CHECK_SECONDS: '1', SECRETS_KEY });
  await t.app.db.show.update({ where: { id: showId }, data: { status: 'LIVE', startedAt: new Date() } });
});

afterAll(async () => {
  await t?.stop();
  await bank?.close();
});

describe('QR checkout over the show channel', () => {
  it('a bag checked out with method QR answers a KHQR code, and qr:status turns PAID once the stand-in bank confirms (checked by the job queue)', async () => {
    const [buyer, other] = await createBuyers(t, 2, 'qrbag');
    await t.app.db.paymentMethod.deleteMany({ where: { userId: buyer!.id } });
    const socket = await t.connect(buyer!);
    const stranger = await t.connect(other!);
    await Promise.all([joinShow(socket, showId), joinShow(stranger, showId)]);
    const serum = await t.app.db.productVariant.findUniqueOrThrow({ where: { sku: 'LUM-SERUM-30ML' } });
    await ask(socket, 'bag:set', { showId, variantId: serum.id, quantity: 1 });

    // Before the brand offers QR: refused, nothing held.
    const refused = await ask(socket, 'bag:checkout', { showId, idempotencyKey: randomUUID(), method: 'QR' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', reason: 'QR_NOT_OFFERED' } });

    await t.app.db.brandPaymentProvider.create({
      data: {
        brandId: 'demo_brand_lumen',
        kind: 'KHQR',
        enabled: true,
        settings: { accountId: 'lumen@aclb', merchantName: 'Lumen', merchantCity: 'Phnom Penh' },
        credentialsSealed: sealSecret(secretsKey(SECRETS_KEY), JSON.stringify({ token: STANDIN_BAKONG_TOKEN })),
      },
    });
    expect(await ask(socket, 'bag:get', { showId })).toMatchObject({ ok: true, qrKind: 'KHQR' });
    const answer = await ask(socket, 'bag:checkout', { showId, idempotencyKey: randomUUID(), method: 'QR' });
    if (!answer.ok) throw new Error(answer.error.code);
    const qr = answer.order.qr!;
    expect(qr).toMatchObject({ kind: 'KHQR', status: 'AWAITING_PAYMENT', amountMinor: answer.order.totalMinor });
    // Only the buyer may ask about their code.
    expect(await ask(stranger, 'qr:status', { orderId: qr.orderId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    bank.payKhqr(createHash('md5').update(qr.qrPayload).digest('hex'), answer.order.totalMinor / 100, 'USD');
    await expect
      .poll(
        async () => {
          const status = await ask(socket, 'qr:status', { orderId: qr.orderId });
          return status.ok ? status.qr.status : status.error.code;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe('PAID');
    expect(await t.app.db.order.findUnique({ where: { id: qr.orderId } })).toMatchObject({ status: 'PAID' });
    expect(await ask(socket, 'bag:get', { showId })).toMatchObject({ ok: true, bag: { itemCount: 0 } });
  });
});
