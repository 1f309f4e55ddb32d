import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { ask, createBuyers, joinShow, nextEvent, startTestApp, type TestApp } from '../support/app';

// The shop assistant over the show channel: real server, real PostgreSQL, real sockets.
let t: TestApp;
const showId = DEMO_SHOW_ID;

beforeAll(async () => {
  t = await startTestApp();
  await t.app.db.show.update({
    where: { id: showId },
    data: { status: 'LIVE', startedAt: new Date(), pinnedProductId: 'demo_product_serum', assistantEnabled: true },
  });
});

afterAll(async () => {
  await t?.stop();
});

describe('the shop assistant over the show channel', () => {
  it('answers the Ask panel privately, and Confirm on its card orders once through the one-tap path, announced like Buy', async () => {
    const [buyer, watcherUser] = await createBuyers(t, 2, 'asst');
    const host = await t.app.db.user.findUniqueOrThrow({ where: { email: 'host@demo.live' } });
    const [socket, watcher, hostSocket] = await Promise.all([t.connect(buyer), t.connect(watcherUser), t.connect(host)]);
    await Promise.all([joinShow(socket, showId), joinShow(watcher, showId), joinShow(hostSocket, showId)]);
    const serum50 = await t.app.db.productVariant.findUniqueOrThrow({ where: { sku: 'LUM-SERUM-50ML' } });

    let watcherHeardReply = false;
    watcher.on('assistant:reply', () => (watcherHeardReply = true));
    const proposal = await ask(socket, 'assistant:ask', { showId, text: "I'll take 2 of the 50 ml" });
    if (!proposal.ok || proposal.reply.kind !== 'buy_proposal') throw new Error(JSON.stringify(proposal));
    expect(proposal.reply.card).toMatchObject({ variantId: serum50.id, quantity: 2, subtotalMinor: 2 * serum50.priceMinor });

    const saleSeen = nextEvent(hostSocket, 'sale:made', (sale) => sale.quantity === 2);
    const first = await ask(socket, 'assistant:confirm', { showId, cardId: proposal.reply.card.id });
    const again = await ask(socket, 'assistant:confirm', { showId, cardId: proposal.reply.card.id });
    if (!first.ok || !again.ok) throw new Error(JSON.stringify([first, again]));
    expect(first.order).toMatchObject({ quantity: 2, totalMinor: proposal.reply.card.totalMinor, replayed: false });
    expect(again.order).toMatchObject({ orderId: first.order.orderId, replayed: true });
    expect(await saleSeen).toMatchObject({ orderNumber: first.order.orderNumber });
    expect(await t.app.db.order.count({ where: { buyerId: buyer!.id } })).toBe(1);
    // Somebody else's card is not theirs to confirm.
    expect(await ask(watcher, 'assistant:confirm', { showId, cardId: proposal.reply.card.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', reason: 'ASSISTANT_CARD_NOT_FOUND' },
    });
    expect(watcherHeardReply).toBe(false);
    socket.close();
    watcher.close();
    hostSocket.close();
  });

  it('"@shop how much" in chat is answered to everyone with the product card; a bag request only to the asker', async () => {
    const [asker, watcherUser] = await createBuyers(t, 2, 'asst-chat');
    const [socket, watcher] = await Promise.all([t.connect(asker), t.connect(watcherUser)]);
    await Promise.all([joinShow(socket, showId), joinShow(watcher, showId)]);

    const publicReply = nextEvent(watcher, 'assistant:reply', (e) => e.asked.text === 'how much is it?');
    expect(await ask(socket, 'chat:send', { showId, text: '@shop how much is it?' })).toMatchObject({ ok: true });
    expect(await publicReply).toMatchObject({
      visibility: 'public',
      reply: { kind: 'answer', topic: 'price', product: { id: 'demo_product_serum' } },
    });

    const privateReply = nextEvent(socket, 'assistant:reply', (e) => e.visibility === 'private');
    let watcherHeardBag = false;
    watcher.on('assistant:reply', (e) => (watcherHeardBag ||= e.reply.kind === 'add_to_bag'));
    expect(await ask(socket, 'chat:send', { showId, text: '@shop add the 30 ml to my bag' })).toMatchObject({ ok: true });
    expect(await privateReply).toMatchObject({ reply: { kind: 'add_to_bag', variantName: '30 ml', bagItemCount: 1 } });
    // A public line the watcher must hear after the private one: ordering proves the private one never came.
    const marker = nextEvent(watcher, 'assistant:reply', (e) => e.asked.text === 'what is this?');
    await ask(socket, 'chat:send', { showId, text: '@shop what is this?' });
    await marker;
    expect(watcherHeardBag).toBe(false);
    socket.close();
    watcher.close();
  });

  it('one client asking in a loop is cut off with ASSISTANT_TOO_FAST while another person is still answered', async () => {
    const [flooder, other] = await createBuyers(t, 2, 'asst-flood');
    const [a, b] = await Promise.all([t.connect(flooder), t.connect(other)]);
    await Promise.all([joinShow(a, showId), joinShow(b, showId)]);
    const answers = await Promise.all(Array.from({ length: 8 }, () => ask(a, 'assistant:ask', { showId, text: 'what is this?' })));
    expect(answers.some((r) => !r.ok && r.error.reason === 'ASSISTANT_TOO_FAST')).toBe(true);
    expect(await ask(b, 'assistant:ask', { showId, text: 'what is this?' })).toMatchObject({ ok: true, reply: { kind: 'answer' } });
    a.close();
    b.close();
  });

  it('with the switch off (by the host) the Ask panel is refused with ASSISTANT_OFF and "@shop" is plain chat', async () => {
    const [viewerUser] = await createBuyers(t, 1, 'asst-off');
    const host = await t.app.db.user.findUniqueOrThrow({ where: { email: 'host@demo.live' } });
    const [viewer, hostSocket] = await Promise.all([t.connect(viewerUser), t.connect(host)]);
    await Promise.all([joinShow(viewer, showId), joinShow(hostSocket, showId)]);
    expect(await ask(viewer, 'assistant:setEnabled', { showId, enabled: false })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const switched = nextEvent(viewer, 'assistant:switched', (e) => !e.enabled);
    expect(await ask(hostSocket, 'assistant:setEnabled', { showId, enabled: false })).toMatchObject({ ok: true, enabled: false });
    await switched;
    try {
      expect(await ask(viewer, 'assistant:ask', { showId, text: 'how much?' })).toMatchObject({
        ok: false,
        error: { reason: 'ASSISTANT_OFF' },
      });
      let replied = false;
      viewer.on('assistant:reply', () => (replied = true));
      const line = nextEvent(viewer, 'chat:message', (e) => e.message.text === '@shop how much?');
      expect(await ask(viewer, 'chat:send', { showId, text: '@shop how much?' })).toMatchObject({ ok: true });
      await line;
      // Its answer, if there were one, is sent before the next chat line is handled: a second line is the fence.
      const fence = nextEvent(viewer, 'chat:message', (e) => e.message.text === 'fence');
      await ask(viewer, 'chat:send', { showId, text: 'fence' });
      await fence;
      expect(replied).toBe(false);
    } finally {
      await ask(hostSocket, 'assistant:setEnabled', { showId, enabled: true });
    }
    viewer.close();
    hostSocket.close();
  });
});
