import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST as oneClickUnsubscribe } from '../../app/api/marketing/unsubscribe/route';
import { GET as clickRoute } from '../../app/api/marketing/click/route';
import { GET as openRoute } from '../../app/api/marketing/open/[token]/route';
import { seedDemoData, DEMO_BRAND_SLUG, type DemoSeed } from '../../server/db/seed';
import {
  createCampaign,
  followUpAbandonedBags,
  hasMarketingConsent,
  listCampaigns,
  setMarketingConsent,
} from '../../server/domain/campaigns';
import { finishRecording, openRecording } from '../../server/domain/recordings';
import { demoActors, type DemoActors } from '../../server/domain/test-actors';
import { jobHandlers } from '../../server/effects/job-handlers';
import type { Env } from '../../server/env';
import { JobWorker } from '../../server/jobs/runner';
import { makeAllJobsDue, silentLog, testEnv } from '../../server/jobs/test-support';
import { createMailTransport } from '../../server/mail/transport';
import { registerServices, type AppServices } from '../../server/services';
import { startTestDatabase, type TestDatabase } from '../support/database';
import { startSmtpStandIn } from '../support/smtp-server';

// A campaign and the automatic marketing emails, from the schedule through the real job runner and a real
// SMTP server to the tracked open, the tracked click and the one-click unsubscribe (issue 20 item 3).
describe('marketing email through the job queue', () => {
  let database: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpStandIn>>;
  let seed: DemoSeed;
  let actors: DemoActors;
  let env: Env;
  const db = () => database.prisma;

  beforeAll(async () => {
    [database, smtp] = await Promise.all([startTestDatabase(), startSmtpStandIn()]);
    seed = await seedDemoData(database.prisma);
    actors = await demoActors(database.prisma);
    env = testEnv(database.url, { SMTP_URL: smtp.url, CAMPAIGN_EMAILS_PER_MINUTE: '600', ABANDONED_BAG_DELAY_MINUTES: '180' });
    // The routes read only the database and the configuration from the services.
    registerServices({ db: database.prisma, env } as unknown as AppServices);
  });
  afterAll(async () => {
    registerServices(undefined);
    await smtp?.close();
    await database?.stop();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  /** Runs every queued job now, including the emails a campaign spread over the coming minutes. */
  async function runQueue(): Promise<void> {
    const worker = new JobWorker({ db: db(), env, log: silentLog, mail: createMailTransport(env), handlers: jobHandlers });
    for (let round = 0; round < 5; round++) {
      await makeAllJobsDue(db());
      if ((await worker.drain()) === 0) return;
    }
  }

  async function person(name: string, opts: { consent: boolean; follows?: boolean; locale?: string }) {
    const user = await db().user.create({
      data: { email: `${name}.${randomUUID().slice(0, 6)}@example.test`, name, locale: opts.locale ?? null },
      select: { id: true, email: true },
    });
    if (opts.consent) await setMarketingConsent(db(), user.id, true, 'preferences');
    if (opts.follows ?? true) await db().brandFollow.create({ data: { userId: user.id, brandId: seed.brandId } });
    return user;
  }

  const campaignInput = (name: string) => ({
    name,
    segment: { followers: true },
    defaultLocale: 'en' as const,
    templates: {
      en: {
        subject: 'Winter drop',
        subjectB: 'Your winter drop is here',
        body: 'New coats are in.\n\nSee them: https://lumen.example/coats',
      },
      km: { subject: 'ការដាក់លក់រដូវរងា', subjectB: 'ការដាក់លក់រដូវរងារបស់អ្នកមកដល់ហើយ', body: 'អាវថ្មីមកដល់ហើយ។ https://lumen.example/coats' },
    },
    splitPercentB: 50,
    // Scheduled ahead: the send job waits for its time (the test makes it due).
    sendAt: new Date(Date.now() + 3_600_000),
  });

  const recipients = () => smtp.received.flatMap((mail) => mail.to).sort();
  const linkIn = (html: string, pattern: RegExp) => html.match(pattern)?.[0].replace(/&#38;/g, '&') ?? '';

  it('a scheduled campaign reaches only the consenting members of its segment; opens and clicks count; one-click unsubscribe stops the next campaign', async () => {
    const reader = await person('reader', { consent: true });
    const khmerReader = await person('khmer', { consent: true, locale: 'km' });
    const leaver = await person('leaver', { consent: true });
    const withoutConsent = await person('quiet', { consent: false });
    const notFollowing = await person('stranger', { consent: true, follows: false });

    const { id: campaignId } = await createCampaign(db(), actors.lumenOwner, DEMO_BRAND_SLUG, campaignInput('Winter drop'));
    expect(await db().campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { status: true } })).toEqual({ status: 'SCHEDULED' });
    await runQueue();

    const sentTo = recipients();
    expect(sentTo).toEqual(expect.arrayContaining([reader.email, khmerReader.email, leaver.email]));
    expect(sentTo).not.toContain(withoutConsent.email);
    expect(sentTo).not.toContain(notFollowing.email);
    // Every marketing email carries RFC 8058 one-click unsubscribe.
    for (const mail of smtp.received) {
      expect(mail.headers.get('list-unsubscribe')).toMatch(/^<http:\/\/shop\.test\/api\/marketing\/unsubscribe\?token=.+>$/);
      expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    }
    // Each person gets their language's text, the default language otherwise, and their variant's subject.
    const stored = await db().emailMessage.findMany({ where: { kind: 'campaign' }, select: { to: true, subject: true, html: true } });
    const messages = await db().campaignMessage.findMany({ where: { campaignId }, select: { userId: true, variant: true } });
    const variantOf = (userId: string) => messages.find((m) => m.userId === userId)?.variant;
    const khmerEmail = stored.find((e) => e.to === khmerReader.email)!;
    expect(khmerEmail.subject).toBe(variantOf(khmerReader.id) === 'B' ? 'ការដាក់លក់រដូវរងារបស់អ្នកមកដល់ហើយ' : 'ការដាក់លក់រដូវរងា');
    const readerEmail = stored.find((e) => e.to === reader.email)!;
    expect(readerEmail.subject).toBe(variantOf(reader.id) === 'B' ? 'Your winter drop is here' : 'Winter drop');

    // The open pixel counts once however often it loads; the click redirects to the brand's link and counts.
    const pixel = linkIn(readerEmail.html, /http:\/\/shop\.test\/api\/marketing\/open\/[^"]+/);
    const token = decodeURIComponent(pixel.split('/open/')[1]!);
    for (let i = 0; i < 2; i++) {
      const response = await openRoute(new Request(pixel), { params: Promise.resolve({ token }) });
      expect(response.headers.get('content-type')).toBe('image/gif');
    }
    const click = linkIn(readerEmail.html, /http:\/\/shop\.test\/api\/marketing\/click\?[^"]+/);
    const redirect = await clickRoute(new Request(click));
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('https://lumen.example/coats');
    // A link whose destination was changed is refused: our domain redirects only where the brand linked.
    const forged = new URL(click);
    forged.searchParams.set('u', 'https://evil.example/');
    expect((await clickRoute(new Request(forged))).status).toBe(404);

    // One-click unsubscribe: the POST the mail client makes from the List-Unsubscribe header.
    const leaverMail = smtp.received.find((mail) => mail.to.includes(leaver.email))!;
    const oneClickUrl = leaverMail.headers.get('list-unsubscribe')!.slice(1, -1);
    const unsubscribed = await oneClickUnsubscribe(new Request(oneClickUrl, { method: 'POST', body: 'List-Unsubscribe=One-Click' }));
    expect(unsubscribed.status).toBe(200);
    expect(await hasMarketingConsent(db(), leaver.id)).toBe(false);
    const withdrawal = await db().consentRecord.findFirst({ where: { userId: leaver.id }, orderBy: { createdAt: 'desc' } });
    expect(withdrawal).toMatchObject({ purpose: 'email.marketing', granted: false, source: 'unsubscribe-link' });

    const [campaign] = await listCampaigns(db(), actors.lumenOwner, DEMO_BRAND_SLUG);
    expect(campaign).toMatchObject({ id: campaignId, status: 'SENT' });
    const total = (key: 'sent' | 'opened' | 'clicked' | 'unsubscribed') => campaign!.results.reduce((sum, r) => sum + r[key], 0);
    expect(campaign!.results.map((r) => r.variant)).toEqual(['A', 'B']);
    expect([total('sent'), total('opened'), total('clicked'), total('unsubscribed')]).toEqual([sentTo.length, 1, 1, 1]);
    // The send is announced as a domain event in the brand's outbox.
    expect(await db().brandEvent.count({ where: { brandId: seed.brandId, type: 'campaign.sent' } })).toBe(1);

    smtp.received.length = 0;
    await createCampaign(db(), actors.lumenOwner, DEMO_BRAND_SLUG, campaignInput('Spring drop'));
    await runQueue();
    expect(recipients()).toEqual(expect.arrayContaining([reader.email, khmerReader.email]));
    expect(recipients()).not.toContain(leaver.email);
  });

  it('with tracking switched off, the email has neither pixel nor redirected links', async () => {
    await person('private', { consent: true });
    const { id } = await createCampaign(db(), actors.lumenOwner, DEMO_BRAND_SLUG, {
      ...campaignInput('Untracked'),
      splitPercentB: 0,
      trackOpens: false,
      trackClicks: false,
    });
    await runQueue();
    const message = await db().campaignMessage.findFirstOrThrow({ where: { campaignId: id }, select: { userId: true } });
    const user = await db().user.findUniqueOrThrow({ where: { id: message.userId }, select: { email: true } });
    const email = await db().emailMessage.findFirstOrThrow({
      where: { kind: 'campaign', to: user.email, subject: 'Winter drop' },
      orderBy: { createdAt: 'desc' },
    });
    expect(email.html).not.toContain('/api/marketing/open/');
    expect(email.html).not.toContain('/api/marketing/click');
    expect(email.html).toContain('href="https://lumen.example/coats"');
  });

  it('an abandoned bag is followed up once, never after a purchase and never without consent', async () => {
    const variant = await db().productVariant.findFirstOrThrow({
      where: { stock: { gt: 0 }, product: { brandId: seed.brandId, status: 'ACTIVE', lineups: { some: { showId: seed.showId } } } },
      select: { id: true },
    });
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
    const leftIt = await person('left-it', { consent: true, follows: false });
    const boughtIt = await person('bought-it', { consent: true, follows: false });
    const noConsent = await person('no-consent', { consent: false, follows: false });
    const justNow = await person('just-now', { consent: true, follows: false });
    for (const [user, addedAt] of [
      [leftIt, hoursAgo(4)],
      [boughtIt, hoursAgo(4)],
      [noConsent, hoursAgo(4)],
      [justNow, hoursAgo(1)],
    ] as const) {
      await db().bagItem.create({ data: { userId: user.id, showId: seed.showId, variantId: variant.id, quantity: 1, addedAt } });
    }
    await db().order.create({
      data: {
        buyerId: boughtIt.id,
        brandId: seed.brandId,
        showId: seed.showId,
        status: 'PAID',
        totalMinor: 100,
        currency: 'USD',
        idempotencyKey: randomUUID(),
      },
    });

    expect(await followUpAbandonedBags(db(), env)).toBe(1);
    await runQueue();
    expect(recipients()).toEqual([leftIt.email]);
    expect(smtp.received[0]!.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    // The sweep runs every minute: the same bag is never followed up again, and a purchase recorded the bag as settled.
    expect(await followUpAbandonedBags(db(), env)).toBe(0);
    await runQueue();
    expect(recipients()).toEqual([leftIt.email]);
    expect(await db().abandonedBagFollowUp.findMany({ where: { showId: seed.showId }, select: { userId: true, outcome: true } })).toEqual(
      expect.arrayContaining([
        { userId: leftIt.id, outcome: 'SENT' },
        { userId: boughtIt.id, outcome: 'PURCHASED' },
      ]),
    );
  });

  it('"the replay is ready" reaches the show\'s attendees with marketing consent, once, when its recording becomes ready', async () => {
    const fan = await person('fan', { consent: true, follows: false });
    const lurker = await person('lurker', { consent: false, follows: false });
    const absent = await person('absent', { consent: true, follows: false });
    for (const user of [fan, lurker]) await db().chatMessage.create({ data: { showId: seed.otherShowId, userId: user.id, text: 'hello' } });
    await db().show.update({ where: { id: seed.otherShowId }, data: { status: 'LIVE', startedAt: new Date(), recordingEnabled: true } });
    const recording = (await openRecording(db(), seed.otherShowId))!;
    await db().show.update({ where: { id: seed.otherShowId }, data: { status: 'ENDED', endedAt: new Date() } });
    expect(await finishRecording(db(), recording.id, { segmentCount: 3, bytes: 3000, durationMs: 6000 })).toBe('READY');
    await runQueue();
    expect(recipients()).toEqual([fan.email]);
    expect(recipients()).not.toContain(absent.email);
    expect(smtp.received[0]!.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    // A second live session of the same show makes a second recording, not a second email.
    await db().show.update({ where: { id: seed.otherShowId }, data: { status: 'LIVE' } });
    const second = (await openRecording(db(), seed.otherShowId))!;
    await db().show.update({ where: { id: seed.otherShowId }, data: { status: 'ENDED' } });
    expect(await finishRecording(db(), second.id, { segmentCount: 2, bytes: 2000, durationMs: 4000 })).toBe('READY');
    await runQueue();
    expect(recipients()).toEqual([fan.email]);
  });
});
