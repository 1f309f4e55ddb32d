// A person with data in every place the app keeps personal data, for the privacy tests (not app code).
import type { PrismaClient } from '../../db/client';
import type { DemoSeed } from '../../db/seed';
import { registerAccount } from '../accounts';

export interface SeededPerson {
  userId: string;
  email: string;
  name: string;
  password: string;
  /** Strings only this person's data contains: none may be left after deletion. */
  strings: string[];
  openOrderId: string;
  finishedOrderId: string;
}

let run = 0;

/** Everything below names the person by these strings, so a search of the database finds each copy. */
export async function seedPerson(prisma: PrismaClient, seed: DemoSeed, label: string): Promise<SeededPerson> {
  const tag = `${label}${Date.now().toString(36)}${run++}`;
  const name = `Sokha ${tag}`;
  const email = `${tag}@privacy.test`;
  const line1 = `77 ${tag} Lane`;
  const city = `Xayaburi ${tag}`;
  const phone = `+856 20 ${tag}`;
  const password = 'privacy-passphrase';
  const user = await registerAccount(prisma, { name, email, password, emailReminders: 'on' });
  const userId = user.id;
  const owner = seed.otherBrandOwnerId;

  await prisma.address.create({ data: { userId, fullName: name, line1, city, phone, country: 'LA', isDefault: true } });
  await prisma.paymentMethod.create({
    data: {
      userId,
      provider: 'test',
      token: 'tok_test_visa_4242',
      brand: 'visa',
      last4: '4242',
      expMonth: 1,
      expYear: 2099,
      isDefault: true,
    },
  });
  await prisma.stripeCustomer.create({ data: { providerId: `prov_${run}_${Date.now()}`, userId, customerId: `cus_${run}_${Date.now()}` } });
  await prisma.influencerProfile.create({ data: { userId, handle: tag.toLowerCase(), bio: `I am ${name}` } });
  await prisma.brandFollow.create({ data: { userId, brandId: seed.brandId } });
  await prisma.hostFollow.create({ data: { userId, hostId: seed.hostId } });
  await prisma.showReminder.create({ data: { userId, showId: seed.showId } });
  await prisma.pushSubscription.create({
    data: { userId, endpoint: `https://push.example/${tag}`, p256dh: 'key', auth: 'secret', userAgent: `${name}'s phone` },
  });

  const variant = await prisma.productVariant.findFirstOrThrow({ where: { productId: seed.productIds[0] } });
  const ship = { shipName: name, shipLine1: line1, shipCity: city, shipPhone: phone, shipCountry: 'LA' };
  const order = (status: 'PAID' | 'DELIVERED', key: string) =>
    prisma.order.create({
      data: {
        buyerId: userId,
        brandId: seed.brandId,
        showId: seed.showId,
        status,
        totalMinor: 1000,
        subtotalMinor: 1000,
        currency: 'USD',
        idempotencyKey: key,
        ...ship,
        items: { create: [{ variantId: variant.id, title: 'Glow serum', quantity: 1, unitPriceMinor: 1000, currency: 'USD' }] },
      },
    });
  const open = await order('PAID', `${tag}-open`);
  const finished = await order('DELIVERED', `${tag}-done`);
  await prisma.returnRequest.create({ data: { orderId: finished.id, reason: `Call me on ${phone}` } });

  await prisma.chatMessage.create({ data: { showId: seed.showId, userId, text: `hi from ${name}, ship to ${line1}` } });
  await prisma.showQuestion.create({ data: { showId: seed.showId, userId, text: `Does it ship to ${city}?` } });
  await prisma.productReview.create({
    data: { productId: seed.productIds[0]!, authorId: userId, rating: 5, body: `Lovely, delivered to ${line1} — ${name}` },
  });
  const thread = await prisma.supportConversation.create({
    data: { brandId: seed.brandId, buyerId: userId, orderId: open.id, subject: `Where is my order, ${name}` },
  });
  await prisma.supportMessage.createMany({
    data: [
      { conversationId: thread.id, authorId: userId, fromBrand: false, body: `Send it to ${line1}, ${city}` },
      { conversationId: thread.id, authorId: owner, fromBrand: true, body: `Hello ${name}, it is on its way` },
    ],
  });

  // Mail to them, mail about them to the brand, and the jobs that carry both.
  const mail = (to: string, key: string, text: string) => ({
    dedupeKey: `${tag}-${key}`,
    to,
    subject: `Order for ${name}`,
    text,
    html: `<p>${text}</p>`,
    kind: 'order.receipt',
    transport: 'mailbox',
    status: 'SENT' as const,
  });
  await prisma.emailMessage.createMany({
    data: [
      mail(email, 'receipt', `Shipping to ${name}, ${line1}`),
      mail('brand@demo.live', 'brand', `New order from ${name} (${email}), ${phone}`),
    ],
  });
  await prisma.job.createMany({
    data: [
      { kind: 'email.send', payload: mail(email, 'job-receipt', `Shipping to ${name}`), dedupeKey: `${tag}-job-1` },
      { kind: 'email.send', payload: mail('brand@demo.live', 'job-brand', `New order from ${name}, ${city}`), dedupeKey: `${tag}-job-2` },
    ],
  });
  const event = await prisma.brandEvent.create({
    data: {
      brandId: seed.brandId,
      type: 'order.placed',
      data: { orderId: open.id, buyer: { name, email }, shippingAddress: { name, line1, city, phone } },
    },
  });
  const endpoint = await prisma.webhookEndpoint.create({
    data: { brandId: seed.brandId, url: 'https://hooks.example/x', secret: 's', events: ['order.placed'] },
  });
  await prisma.webhookDelivery.create({
    data: { endpointId: endpoint.id, eventId: event.id, lastError: `422: unknown customer ${email}` },
  });
  await prisma.paymentWebhookEvent.create({
    data: { id: `evt_${tag}`, provider: 'stripe', type: 'payment_intent.succeeded', payload: { billing_details: { name, email, phone } } },
  });

  // Links and invitations addressed to them.
  await prisma.signInToken.create({ data: { email, tokenHash: `hash-${tag}`, expiresAt: new Date(Date.now() + 3_600_000) } });
  await prisma.brandInvite.create({
    data: {
      brandId: seed.brandId,
      email,
      role: 'STAFF',
      tokenHash: `invite-${tag}`,
      invitedById: owner,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  await prisma.showInvite.create({ data: { showId: seed.showId, email, token: `show-invite-${tag}` } });

  return { userId, email, name, password, strings: [email, name, line1, city, phone], openOrderId: open.id, finishedOrderId: finished.id };
}
