import type { Locale } from '@/app/_i18n/locales';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { stockGate } from '../catalog';
import { goLive, makeBuyers, variantBySku } from '../checkout.test-support';
import type { Actor } from '../context';
import { TestPaymentProvider } from '../payments';
import { expectAppError } from '../test-actors';
import { askAssistant, confirmAssistantCard, isPersonalReply, questionInChat, type AssistantReply } from '.';

// The assistant's conversation against the real database: buying through a confirmation card goes
// through the one-tap order path, so its refusals and its idempotency are the Buy button's.
let database: TestDatabase;
const showId = DEMO_SHOW_ID;
const payments = new TestPaymentProvider();
let serum50: { id: string; priceMinor: number };

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  await goLive(database.prisma, showId);
  await database.prisma.show.update({
    where: { id: showId },
    data: { pinnedProductId: 'demo_product_serum', maxPerBuyer: 100, assistantEnabled: true },
  });
  await database.prisma.brand.updateMany({
    where: { shows: { some: { id: showId } } },
    data: { shippingFlatMinor: 500, freeShippingOverMinor: 20_000 },
  });
  serum50 = await variantBySku(database.prisma, 'LUM-SERUM-50ML');
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

beforeEach(async () => {
  await database.prisma.productVariant.update({ where: { id: serum50.id }, data: { stock: 40 } });
  stockGate.forget(serum50.id);
});

const ask = (asker: Actor, text: string, pageLocale: Locale = 'en') =>
  askAssistant({ db: database.prisma, asker, showId, pageLocale }, text);

function cardOf(reply: AssistantReply) {
  if (reply.kind !== 'buy_proposal') throw new Error(`expected a card, got ${JSON.stringify(reply)}`);
  return reply.card;
}

describe('buying in the conversation', () => {
  it('"I\'ll take 2 of the 50 ml" gets a card priced from the database, and confirming it twice places one order', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const card = cardOf(await ask(buyer!, "I'll take 2 of the 50 ml"));
    expect(card).toMatchObject({
      variantId: serum50.id,
      variantName: '50 ml',
      quantity: 2,
      unitPriceMinor: serum50.priceMinor,
      subtotalMinor: 2 * serum50.priceMinor,
      shippingMinor: 500,
      totalMinor: 2 * serum50.priceMinor + 500,
    });

    const first = await confirmAssistantCard(database.prisma, payments, buyer!, { showId, cardId: card.id });
    const second = await confirmAssistantCard(database.prisma, payments, buyer!, { showId, cardId: card.id });
    expect(first).toMatchObject({ replayed: false, quantity: 2, totalMinor: card.totalMinor });
    expect(second).toMatchObject({ id: first.id, replayed: true });
    expect(await database.prisma.order.count({ where: { buyerId: buyer!.userId } })).toBe(1);
    expect((await variantBySku(database.prisma, 'LUM-SERUM-50ML')).stock).toBe(38);
  });

  it('a card confirmed after its variant sold out is refused with SOLD_OUT and places no order', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const card = cardOf(await ask(buyer!, 'I want the 50 ml'));
    await database.prisma.productVariant.update({ where: { id: serum50.id }, data: { stock: 0 } });
    stockGate.forget(serum50.id);
    await expectAppError(confirmAssistantCard(database.prisma, payments, buyer!, { showId, cardId: card.id }), 'SOLD_OUT');
    expect(await database.prisma.order.count({ where: { buyerId: buyer!.userId } })).toBe(0);
  });

  it('asking to buy a sold-out variant gets a SOLD_OUT refusal and no card', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    await database.prisma.productVariant.update({ where: { id: serum50.id }, data: { stock: 0 } });
    const reply = await ask(buyer!, "I'll take the 50 ml");
    expect(reply).toMatchObject({ kind: 'refusal', error: { code: 'SOLD_OUT' } });
    expect(await database.prisma.assistantCard.count({ where: { userId: buyer!.userId } })).toBe(0);
  });

  it('confirming without a card, or with another buyer’s card, is refused with ASSISTANT_CARD_NOT_FOUND', async () => {
    const [buyer, other] = await makeBuyers(database.prisma, 2);
    const card = cardOf(await ask(buyer!, 'buy 1 of the 50 ml'));
    await expectAppError(confirmAssistantCard(database.prisma, payments, other!, { showId, cardId: card.id }), 'NOT_FOUND');
    await expectAppError(confirmAssistantCard(database.prisma, payments, buyer!, { showId, cardId: 'no_such_card' }), 'NOT_FOUND');
    expect(await database.prisma.order.count({ where: { buyerId: { in: [buyer!.userId, other!.userId] } } })).toBe(0);
  });

  it('a buyer without a payment method gets NO_PAYMENT_METHOD on Confirm, like on Buy', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    await database.prisma.paymentMethod.deleteMany({ where: { userId: buyer!.userId } });
    const card = cardOf(await ask(buyer!, 'buy the 50 ml'));
    await expectAppError(confirmAssistantCard(database.prisma, payments, buyer!, { showId, cardId: card.id }), 'NO_PAYMENT_METHOD');
  });

  it('"add it to my bag" puts the pinned product in the bag, and a wrong coupon is refused with COUPON_INVALID', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    expect(await ask(buyer!, 'add the 50 ml to my bag')).toMatchObject({ kind: 'add_to_bag', variantName: '50 ml', bagItemCount: 1 });
    expect(
      await database.prisma.bagItem.findMany({ where: { userId: buyer!.userId }, select: { variantId: true, quantity: true } }),
    ).toEqual([{ variantId: serum50.id, quantity: 1 }]);
    expect(await ask(buyer!, 'use coupon NOSUCHCODE')).toMatchObject({ kind: 'refusal', error: { code: 'COUPON_INVALID' } });
  });
});

describe('answers and handoff', () => {
  it('a price question in Khmer answers with the pinned product’s card and prices from the database; "យក ២" proposes two', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const reply = await ask(buyer!, 'តម្លៃប៉ុន្មាន?', 'km');
    expect(reply).toMatchObject({ kind: 'answer', topic: 'price', product: { id: 'demo_product_serum' } });
    if (reply.kind !== 'answer') return;
    expect(reply.product.variants.find((v) => v.id === serum50.id)).toMatchObject({ priceMinor: serum50.priceMinor, stock: 40 });
    expect(cardOf(await ask(buyer!, 'យក ២ 50 ml', 'km'))).toMatchObject({ quantity: 2, variantId: serum50.id });
  });

  it('a Khmer buyer names a product by the title the brand wrote in Khmer, and the reply shows it in Khmer', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    await database.prisma.productTranslation.upsert({
      where: { productId_locale: { productId: 'demo_product_cream', locale: 'km' } },
      create: { productId: 'demo_product_cream', locale: 'km', title: 'ក្រែមពពក' },
      update: { title: 'ក្រែមពពក' },
    });
    const reply = await ask(buyer!, 'ក្រែមពពក តម្លៃប៉ុន្មាន?', 'km');
    expect(reply).toMatchObject({ kind: 'answer', topic: 'price', product: { id: 'demo_product_cream', title: 'ក្រែមពពក' } });
  });

  it('in Lao and in Mongolian too, "take two of the 50 ml" (number words) proposes a card for two', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    expect(cardOf(await ask(buyer!, 'ຂ້ອຍເອົາສອງ 50 ml', 'lo'))).toMatchObject({ quantity: 2, variantId: serum50.id });
    expect(cardOf(await ask(buyer!, '50 ml хоёрыг авъя', 'mn'))).toMatchObject({ quantity: 2, variantId: serum50.id });
  });

  it('"where is my order?" is answered privately with the way to the order pages, never put in the host’s public Q&A', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const reply = await ask(buyer!, 'where is my order?');
    expect(reply).toEqual({ kind: 'order_help' });
    expect(isPersonalReply(reply)).toBe(true);
    expect(await database.prisma.showQuestion.count({ where: { showId, userId: buyer!.userId } })).toBe(0);
  });

  it('a question it cannot answer goes to the host’s Q&A', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const reply = await ask(buyer!, 'Will the host show it on dark skin?');
    expect(reply).toMatchObject({ kind: 'handoff', question: { text: 'Will the host show it on dark skin?' } });
    expect(await database.prisma.showQuestion.count({ where: { showId, userId: buyer!.userId } })).toBe(1);
  });

  it('a returns question is answered in the show from the brand’s own policy (the engine’s answer), not handed to the host', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const { brandId } = await database.prisma.show.findUniqueOrThrow({ where: { id: showId }, select: { brandId: true } });
    await database.prisma.brandAssistantPolicy.upsert({
      where: { brandId },
      create: { brandId, returns: { en: 'Unopened items come back free within 14 days.' } },
      update: { returns: { en: 'Unopened items come back free within 14 days.' } },
    });
    const reply = await ask(buyer!, 'what is your returns policy?');
    expect(reply).toMatchObject({ kind: 'text', text: expect.stringContaining('within 14 days') });
    expect(await database.prisma.showQuestion.count({ where: { showId, userId: buyer!.userId } })).toBe(0);
  });

  it('with the show’s switch off it refuses with ASSISTANT_OFF', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    await database.prisma.show.update({ where: { id: showId }, data: { assistantEnabled: false } });
    try {
      await expectAppError(ask(buyer!, 'how much?'), 'INVALID_STATE');
    } finally {
      await database.prisma.show.update({ where: { id: showId }, data: { assistantEnabled: true } });
    }
  });
});

describe('questionInChat', () => {
  it('finds a question addressed with the mention of any of the four languages, and nothing else', () => {
    expect(questionInChat('@shop how much is it?')).toBe('how much is it?');
    expect(questionInChat('@ហាង តម្លៃប៉ុន្មាន?')).toBe('តម្លៃប៉ុន្មាន?');
    expect(questionInChat('@ຮ້ານ ລາຄາເທົ່າໃດ')).toBe('ລາຄາເທົ່າໃດ');
    expect(questionInChat('@Дэлгүүр үнэ хэд вэ?')).toBe('үнэ хэд вэ?');
    expect(questionInChat('@shopping is fun')).toBeNull();
    expect(questionInChat('love this @shop')).toBeNull();
    expect(questionInChat('@shop')).toBeNull();
  });
});
