import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/support/database';
import { emailJobKey } from '../../mail/outbox';
import { buy, PUBLIC_URL, type OrderFixtures, useOrderDatabase } from '../orders/order-test-support';
import { expectAppError, type DemoActors } from '../test-actors';
import {
  assignConversation,
  brandResponseTimes,
  countMyUnread,
  getBrandConversation,
  listBrandInbox,
  listOrderConversations,
  openOrderConversation,
  postBuyerMessage,
  replyAsBrand,
  setConversationStatus,
  supportReplyEmailKey,
} from './index';

let database: TestDatabase;
let actors: DemoActors;
let fx: OrderFixtures;

useOrderDatabase((ready) => ({ database, actors, fx } = ready));

const newOrder = async () => (await buy(database.prisma, actors.viewer, fx.lumenShowId, fx.lumenVariantId)).id;

describe('support conversations', () => {
  it("a buyer's question about an order reaches the brand's inbox unread; the reply reaches the buyer in-app and by email in the buyer's language", async () => {
    await database.prisma.user.update({ where: { id: actors.viewer.userId }, data: { locale: 'km' } });
    const orderId = await newOrder();
    const order = await database.prisma.order.findUniqueOrThrow({ where: { id: orderId }, select: { number: true } });
    const { conversationId } = await openOrderConversation(database.prisma, actors.viewer, orderId, 'Can you gift-wrap it?');

    const inbox = await listBrandInbox(database.prisma, actors.lumenOwner, 'lumen', 'unread');
    expect(inbox.find((r) => r.id === conversationId)).toMatchObject({
      subject: 'Can you gift-wrap it?',
      orderNumber: order.number,
      unread: true,
    });
    const opened = await getBrandConversation(database.prisma, actors.lumenOwner, 'lumen', conversationId);
    expect(opened.messages.map((m) => m.body)).toEqual(['Can you gift-wrap it?']);
    expect((await listBrandInbox(database.prisma, actors.lumenOwner, 'lumen', 'unread')).some((r) => r.id === conversationId)).toBe(false);

    await replyAsBrand(database.prisma, actors.lumenOwner, 'lumen', conversationId, 'Yes, we will wrap it.', PUBLIC_URL);
    expect(await countMyUnread(database.prisma, actors.viewer)).toBe(1);
    const [thread] = await listOrderConversations(database.prisma, actors.viewer, orderId);
    expect(thread!.messages.map((m) => [m.fromBrand, m.body])).toEqual([
      [false, 'Can you gift-wrap it?'],
      [true, 'Yes, we will wrap it.'],
    ]);
    expect(await countMyUnread(database.prisma, actors.viewer)).toBe(0);

    const reply = await database.prisma.supportMessage.findFirstOrThrow({ where: { conversationId, fromBrand: true } });
    const jobs = await database.prisma.job.findMany({ where: { dedupeKey: emailJobKey(supportReplyEmailKey(reply.id)) } });
    expect(jobs).toHaveLength(1);
    const email = jobs[0]!.payload as { to: string; subject: string; text: string; html: string };
    expect(email.to).toBe('viewer@demo.live');
    expect(email.subject).toBe(`Lumen Beauty បានឆ្លើយសាររបស់អ្នកអំពីការបញ្ជាទិញ #${order.number}`);
    expect(email.text).toContain('Yes, we will wrap it.');
    expect(email.text).toContain(`${PUBLIC_URL}/account/orders/${orderId}#support`);
    expect(email.html).toContain('lang="km"');

    const again = await getBrandConversation(database.prisma, actors.lumenOwner, 'lumen', conversationId);
    // The first to answer takes the conversation.
    expect(again).toMatchObject({ assigneeId: actors.lumenOwner.userId });
    expect(again.firstResponseAt).not.toBeNull();
    await database.prisma.user.update({ where: { id: actors.viewer.userId }, data: { locale: null } });
  });

  it('a second question about the same order joins its open conversation; a closed one opens again when the buyer writes', async () => {
    const orderId = await newOrder();
    const first = await openOrderConversation(database.prisma, actors.viewer, orderId, 'First question');
    const second = await openOrderConversation(database.prisma, actors.viewer, orderId, 'Second question');
    expect(second.conversationId).toBe(first.conversationId);
    await setConversationStatus(database.prisma, actors.lumenOwner, 'lumen', first.conversationId, 'CLOSED');
    expect((await listBrandInbox(database.prisma, actors.lumenOwner, 'lumen', 'closed')).some((r) => r.id === first.conversationId)).toBe(
      true,
    );
    await postBuyerMessage(database.prisma, actors.viewer, first.conversationId, 'Still there?');
    expect(
      (await listBrandInbox(database.prisma, actors.lumenOwner, 'lumen', 'open')).find((r) => r.id === first.conversationId),
    ).toMatchObject({
      status: 'OPEN',
      unread: true,
    });
  });

  it('assignment takes a member of the team only; another brand and another buyer cannot see the conversation', async () => {
    const orderId = await newOrder();
    const { conversationId } = await openOrderConversation(database.prisma, actors.viewer, orderId, 'Hello?');
    await expectAppError(
      assignConversation(database.prisma, actors.lumenOwner, 'lumen', conversationId, actors.viewer2.userId),
      'INVALID_INPUT',
    );
    await assignConversation(database.prisma, actors.lumenOwner, 'lumen', conversationId, actors.lumenOwner.userId);
    expect((await listBrandInbox(database.prisma, actors.lumenOwner, 'lumen', 'mine')).some((r) => r.id === conversationId)).toBe(true);
    await expectAppError(getBrandConversation(database.prisma, actors.koraOwner, 'lumen', conversationId), 'NOT_FOUND');
    await expectAppError(replyAsBrand(database.prisma, actors.koraOwner, 'kora', conversationId, 'hi', null), 'NOT_FOUND');
    await expectAppError(postBuyerMessage(database.prisma, actors.viewer2, conversationId, 'hi'), 'NOT_FOUND');
    await expectAppError(openOrderConversation(database.prisma, actors.viewer2, orderId, 'hi'), 'NOT_FOUND');
  });

  it('an empty message is refused with SUPPORT_MESSAGE_REQUIRED', async () => {
    const orderId = await newOrder();
    const error = await openOrderConversation(database.prisma, actors.viewer, orderId, '   ').catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'SUPPORT_MESSAGE_REQUIRED' });
  });

  it('response times: the median first response over the last 30 days, and how many still wait', async () => {
    await database.prisma.supportConversation.deleteMany({ where: { brand: { slug: 'kora' } } });
    const kora = await database.prisma.brand.findUniqueOrThrow({ where: { slug: 'kora' }, select: { id: true } });
    const now = new Date();
    const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
    const opened = (createdAt: Date, firstResponseAt: Date | null) =>
      database.prisma.supportConversation.create({
        data: { brandId: kora.id, buyerId: actors.viewer.userId, subject: 'q', createdAt, firstResponseAt },
      });
    await opened(at(100), at(90)); // 10 min
    await opened(at(100), at(70)); // 30 min
    await opened(at(100), at(40)); // 60 min
    await opened(at(10), null);
    await opened(at(40 * 24 * 60), at(40 * 24 * 60 - 1)); // outside the 30 days
    expect(await brandResponseTimes(database.prisma, actors.koraOwner, 'kora', now)).toEqual({
      medianFirstResponseMs: 30 * 60_000,
      answered: 3,
      waiting: 1,
    });
  });
});
