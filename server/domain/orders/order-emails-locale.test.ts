import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/support/database';
import { emailJobKey } from '../../mail/outbox';
import { emailBrandOfHostAnswer } from '../shows';
import { advanceOrder } from './order-lifecycle';
import { receiptEmailKey, shippedEmailKey } from './order-emails';
import { refundEmail } from './order-refund-email';
import { buy, PUBLIC_URL, type OrderFixtures, useOrderDatabase } from './order-test-support';
import type { DemoActors } from '../test-actors';
import { rememberLocale } from '../accounts';

let database: TestDatabase;
let actors: DemoActors;
let fx: OrderFixtures;

useOrderDatabase((ready) => ({ database, actors, fx } = ready));

async function emailOf(dedupeKey: string) {
  const job = await database.prisma.job.findFirstOrThrow({ where: { dedupeKey: emailJobKey(dedupeKey) } });
  return job.payload as { subject: string; text: string; html: string };
}

describe('emails in the recipient’s language', () => {
  it('a buyer who shopped in Khmer gets the receipt and the shipping notice in Khmer', async () => {
    // The show page's socket stores the page's language and tags the buyer with it (socket-auth.ts).
    await rememberLocale(database.prisma, actors.viewer.userId, 'km');
    const order = await buy(database.prisma, { ...actors.viewer, locale: 'km' }, fx.lumenShowId, fx.lumenVariantId);

    const receipt = await emailOf(receiptEmailKey(order.id));
    expect(receipt.subject).toBe(`បង្កាន់ដៃសម្រាប់ការបញ្ជាទិញ #${order.number}`);
    expect(receipt.text).toContain('សូមអរគុណសម្រាប់ការបញ្ជាទិញពី');
    expect(receipt.text).toContain('សរុបបានបង់');
    expect(receipt.text).not.toMatch(/Thank you|Subtotal|Total paid/);
    expect(receipt.html).toContain('lang="km"');

    await advanceOrder(database.prisma, actors.lumenOwner, 'lumen', order.id, 'PACKED', null, PUBLIC_URL);
    await advanceOrder(
      database.prisma,
      actors.lumenOwner,
      'lumen',
      order.id,
      'SHIPPED',
      { carrier: 'DHL', trackingNumber: 'KH-77' },
      PUBLIC_URL,
    );
    const shipped = await emailOf(shippedEmailKey(order.id));
    expect(shipped.subject).toBe(`ការបញ្ជាទិញ #${order.number} ត្រូវបានផ្ញើចេញហើយ`);
    expect(shipped.text).toContain('លេខតាមដាន: KH-77');
    expect(shipped.text).not.toMatch(/Good news|Tracking number/);
  });

  it('a brand owner who works in Mongolian reads in Mongolian that the host accepted', async () => {
    await rememberLocale(database.prisma, actors.lumenOwner.userId, 'mn');
    await emailBrandOfHostAnswer(database.prisma, fx.lumenShowId, 'ACCEPTED', PUBLIC_URL);
    const email = await emailOf(`host-answer:${fx.lumenShowId}:ACCEPTED:${actors.lumenOwner.userId}`);
    expect(email.subject).toMatch(/хөтлөхийг зөвшөөрлөө$/);
    expect(email.text).toContain('Нэвтрүүлгийг нээх');
    expect(email.text).not.toMatch(/accepted|Open the show/);
    expect(email.html).toContain('lang="mn"');
  });

  it('a partial refund reaches a Khmer buyer in Khmer, the amount written the Khmer way', () => {
    const email = refundEmail({
      refundId: 'r1',
      amountMinor: 500,
      reason: 'ខូចខាត',
      order: {
        number: 42,
        currency: 'USD',
        totalMinor: 3200,
        refundedMinor: 500,
        cancelled: false,
        items: [{ title: 'Serum', quantity: 2 }],
      },
      buyer: { name: 'Dara', email: 'dara@example.com', locale: 'km' },
      brandName: 'Lumen',
    });
    expect(email.subject).toBe('ផ្នែកខ្លះនៃការបញ្ជាទិញ #42 ត្រូវបានសងប្រាក់វិញហើយ');
    expect(email.text).toContain('សួស្តី Dara,');
    expect(email.text).toContain('មូលហេតុ: ខូចខាត');
    expect(email.text).toContain(
      new Intl.NumberFormat('km-KH', { style: 'currency', currency: 'USD', currencyDisplay: 'narrowSymbol' }).format(5),
    );
    expect(email.text).not.toMatch(/refunded|Reason|Order total|Hi /);
    expect(email.html).toContain('lang="km"');
  });

  it('an unknown stored language is never written, and a buyer without one gets English', async () => {
    await database.prisma.user.update({ where: { id: actors.viewer.userId }, data: { locale: null } });
    await rememberLocale(database.prisma, actors.viewer.userId, 'xx');
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: actors.viewer.userId } })).locale).toBeNull();
    const order = await buy(database.prisma, actors.viewer, fx.lumenShowId, fx.lumenVariantId);
    expect((await emailOf(receiptEmailKey(order.id))).subject).toBe(`Your receipt for order #${order.number}`);
  });
});
