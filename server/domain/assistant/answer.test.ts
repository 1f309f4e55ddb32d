import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { INTL_LOCALE, type Locale } from '@/app/_i18n/locales';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { currencyFormat } from '../money-format';
import { demoActors, expectAppError, type DemoActors } from '../test-actors';
import { answerQuestion } from './answer';
import { listFaq, saveAssistantPolicy, saveFaqEntry } from './faq';
import type { AssistantReply } from './reply';

// The assistant answers real questions against the seeded demo show (Lumen Beauty, USD, shipping
// $4.00 free from $50.00): prices with the running deal, live stock, and a handoff when it does not know.
let database: TestDatabase;
let actors: DemoActors;
const showId = DEMO_SHOW_ID;
const SERUM = 'demo_product_serum';
const usd = (locale: Locale, minor: number) => currencyFormat('USD', INTL_LOCALE[locale]).format(minor);
const ask = (text: string, pageLocale: Locale = 'en') => answerQuestion(database.prisma, { showId, text, pageLocale });
const textOf = (reply: AssistantReply) => ('text' in reply ? reply.text : '');

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  actors = await demoActors(database.prisma);
  await database.prisma.show.update({ where: { id: showId }, data: { pinnedProductId: SERUM } });
});

afterAll(async () => {
  await database?.stop();
});

async function startDeal(priceMinor: number) {
  const variant = await database.prisma.productVariant.findFirstOrThrow({ where: { productId: SERUM, name: '50 ml' } });
  await database.prisma.flashDeal.updateMany({ where: { showId, endedAt: null }, data: { endedAt: new Date() } });
  await database.prisma.flashDeal.create({
    data: {
      showId,
      productId: SERUM,
      variantId: variant.id,
      priceMinor,
      endsAt: new Date(Date.now() + 10 * 60_000),
      quantityCap: 20,
      soldCount: 3,
    },
  });
  return variant;
}

describe('answerQuestion against the seeded show', () => {
  const questions: Record<Locale, { price: string; stock: string; unknown: string }> = {
    en: { price: 'how much is the serum', stock: 'how many 30 ml serum left', unknown: 'love your earrings lol' },
    km: { price: 'serum តម្លៃប៉ុន្មានបង', stock: 'serum 30ml នៅសល់ប៉ុន្មាន', unknown: 'ស្អាតណាស់បង ហាហា' },
    lo: { price: 'serum ລາຄາເທົ່າໃດ', stock: 'serum 30ml ເຫຼືອຈັກອັນ', unknown: 'ງາມຫຼາຍເອື້ອຍ' },
    mn: { price: 'serum хэд вэ', stock: 'serum 30 мл хэдэн ширхэг үлдсэн бэ', unknown: 'их хөөрхөн байна шүү' },
  };

  for (const [locale, q] of Object.entries(questions) as [Locale, (typeof questions)['en']][]) {
    it(`${locale}: the price of the pinned serum is the running deal's, read from the database, in the asker's language`, async () => {
      await startDeal(4100);
      const reply = await ask(q.price, 'en');
      expect(reply.kind).toBe('answer');
      expect(reply.language).toBe(locale);
      expect(textOf(reply)).toContain(usd(locale, 4100));
      expect(textOf(reply)).toContain(usd(locale, 5400));
    });

    it(`${locale}: stock left is the live figure of the variant asked about`, async () => {
      await database.prisma.productVariant.updateMany({ where: { productId: SERUM, name: '30 ml' }, data: { stock: 17 } });
      const reply = await ask(q.stock, 'en');
      expect(reply.kind).toBe('answer');
      expect(textOf(reply)).toContain('17');
      expect(reply.kind === 'answer' && reply.product?.productId).toBe(SERUM);
    });

    it(`${locale}: a question it does not understand is handed off, never guessed`, async () => {
      const reply = await ask(q.unknown, locale);
      expect(reply.kind).toBe('handoff');
      expect(reply.language).toBe(locale);
    });
  }

  it('a named product wins over the pinned one, even misspelt', async () => {
    const reply = await ask('price of the lip tnt?');
    expect(reply.kind === 'answer' && reply.product?.productId).toBe('demo_product_lip');
    expect(textOf(reply)).toContain(usd('en', 1800));
  });

  it('a question the engine gives up on because of unfamiliar product words is read again without them', async () => {
    const reply = await ask('cost of cleansing balm?');
    expect(reply.kind === 'answer' && reply.product?.productId).toBe('demo_product_balm');
    expect(textOf(reply)).toContain(usd('en', 2400));
  });

  it('"I\'ll take 2 of the 50 ml" is a buy proposal for that variant and quantity, not an order', async () => {
    const reply = await ask("I'll take 2 of the 50 ml");
    const variant = await database.prisma.productVariant.findFirstOrThrow({ where: { productId: SERUM, name: '50 ml' } });
    expect(reply).toMatchObject({ kind: 'buy_proposal', productId: SERUM, variantId: variant.id, quantity: 2 });
    expect(await database.prisma.order.count()).toBe(0);
  });

  it('a buy in Khmer words and digits gets its quantity: "យកបីដប ៣០ml"', async () => {
    const reply = await ask('ខ្ញុំយកបីដប ៣០ml', 'en');
    expect(reply).toMatchObject({ kind: 'buy_proposal', productId: SERUM, quantity: 3 });
  });

  it("shipping is the brand's flat rate and free-shipping threshold", async () => {
    const reply = await ask('ថ្លៃដឹកប៉ុន្មាន', 'km');
    expect(textOf(reply)).toContain(usd('km', 400));
    expect(textOf(reply)).toContain(usd('km', 5000));
  });

  it("returns are answered from the brand's policy in the asker's language, handed off while there is none", async () => {
    expect((await ask('can i return it if i dont like it')).kind).toBe('handoff');
    await saveAssistantPolicy(database.prisma, actors.lumenOwner, 'lumen', {
      shippingText: {},
      deliveryTime: {},
      returns: { en: 'Returns within 7 days, unopened.', mn: 'Нээгээгүй бол 7 хоногийн дотор буцаана.' },
    });
    expect(textOf(await ask('буцаах боломжтой юу'))).toBe('Нээгээгүй бол 7 хоногийн дотор буцаана.');
    expect(textOf(await ask('can i return it if i dont like it'))).toBe('Returns within 7 days, unopened.');
  });

  it('a FAQ entry answers the questions its variants are like', async () => {
    await saveFaqEntry(database.prisma, actors.lumenOwner, 'lumen', {
      questions: { en: ['is it safe for pregnant women', 'can i use it while pregnant'], lo: ['ແມ່ຖືພາໃຊ້ໄດ້ບໍ່'] },
      answers: { en: 'Yes, every Lumen product is pregnancy-safe.', lo: 'ໄດ້, ສິນຄ້າ Lumen ທຸກຢ່າງປອດໄພສຳລັບແມ່ຖືພາ.' },
    });
    expect(textOf(await ask('is it safe when pregnant'))).toBe('Yes, every Lumen product is pregnancy-safe.');
    expect(textOf(await ask('ແມ່ຖືພາໃຊ້ໄດ້ບໍ'))).toBe('ໄດ້, ສິນຄ້າ Lumen ທຸກຢ່າງປອດໄພສຳລັບແມ່ຖືພາ.');
  });

  it('a coupon code and order help are handed to the chat side as typed replies', async () => {
    expect(await ask('use coupon glow10 pls')).toMatchObject({ kind: 'coupon', code: 'GLOW10' });
    expect(await ask('where is my order??')).toMatchObject({ kind: 'order_help', intent: 'order_status' });
  });
});

describe('the FAQ and policies belong to the brand', () => {
  it('a member of another brand can neither read nor change them (NOT_FOUND, not a hint that they exist)', async () => {
    await expectAppError(listFaq(database.prisma, actors.koraOwner, 'lumen'), 'NOT_FOUND');
    await expectAppError(
      saveFaqEntry(database.prisma, actors.koraOwner, 'lumen', { questions: { en: ['hi there'] }, answers: { en: 'x' } }),
      'NOT_FOUND',
    );
    await expectAppError(
      saveAssistantPolicy(database.prisma, actors.viewer, 'lumen', { shippingText: {}, deliveryTime: {}, returns: {} }),
      'NOT_FOUND',
    );
  });

  it('an entry without a question or an answer is refused with INVALID_INPUT', async () => {
    await expectAppError(
      saveFaqEntry(database.prisma, actors.lumenOwner, 'lumen', { questions: { en: [] }, answers: { en: 'x' } }),
      'INVALID_INPUT',
    );
    await expectAppError(
      saveFaqEntry(database.prisma, actors.lumenOwner, 'lumen', { questions: { en: ['hi there'] }, answers: {} }),
      'INVALID_INPUT',
    );
  });
});
