import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { DEMO_EMAILS, seedDemoData } from '../../db/seed';
import { createShow } from '../shows';
import { registerAccount } from '../accounts';
import { acceptBrandInvite, createBrand, getBrandTeam, inviteBrandMember, removeBrandMember, revokeBrandInvite } from './brand-team';
import type { Actor } from '../context';
import { onAccountEvent, type AccountEvent } from '../accounts';
import { linkToken } from '../accounts';
import { throttleLimits } from '../throttle';
import { AppError } from '../errors';
import { getBrandTimeZone, setBrandTimeZone } from './brand-time-zone';

let database: TestDatabase;
let lumenOwner: Actor;
let koraOwner: Actor;
beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  const byEmail = async (email: string) => {
    const u = await database.prisma.user.findUniqueOrThrow({ where: { email } });
    return { userId: u.id, name: u.name };
  };
  lumenOwner = await byEmail(DEMO_EMAILS.brand);
  koraOwner = await byEmail(DEMO_EMAILS.otherBrand);
});
afterAll(async () => database?.stop());

const SECRET = 'brand-team-test-secret-long-enough-for-hmac';
const ctx = { secret: SECRET, ip: null, limits: throttleLimits() };

/** The token in the newest invitation to an address, derived the way the email job derives it. */
async function inviteToken(email: string): Promise<string> {
  const invite = await database.prisma.brandInvite.findFirstOrThrow({ where: { email }, orderBy: { createdAt: 'desc' } });
  return linkToken(SECRET, 'brand-invite', invite.id);
}

describe('brand team', () => {
  it('an owner invites by email and only the account with that email can accept, once', async () => {
    const invitee = await registerAccount(database.prisma, { name: 'New Staff', email: 'staff@test.live', password: 'staff-passphrase' });
    const stranger = await registerAccount(database.prisma, {
      name: 'Stranger',
      email: 'stranger@test.live',
      password: 'stranger-passphrase',
    });
    await inviteBrandMember(database.prisma, lumenOwner, 'lumen', { email: 'staff@test.live', role: 'STAFF' }, ctx);
    const token = await inviteToken('staff@test.live');

    await expect(acceptBrandInvite(database.prisma, { userId: stranger.id, name: stranger.name }, token)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await acceptBrandInvite(database.prisma, { userId: invitee.id, name: invitee.name }, token)).toEqual({ slug: 'lumen' });
    await expect(acceptBrandInvite(database.prisma, { userId: invitee.id, name: invitee.name }, token)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    const team = await getBrandTeam(database.prisma, { userId: invitee.id, name: invitee.name }, 'lumen');
    expect(team.members.map((m) => [m.email, m.role])).toContainEqual(['staff@test.live', 'STAFF']);
    // Staff see the team but cannot invite.
    await expect(
      inviteBrandMember(database.prisma, { userId: invitee.id, name: invitee.name }, 'lumen', { email: 'x@test.live', role: 'OWNER' }, ctx),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a member of another brand cannot see or change this team (NOT_FOUND)', async () => {
    await expect(getBrandTeam(database.prisma, koraOwner, 'lumen')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      inviteBrandMember(database.prisma, koraOwner, 'lumen', { email: 'spy@test.live', role: 'OWNER' }, ctx),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(removeBrandMember(database.prisma, koraOwner, 'lumen', lumenOwner.userId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getBrandTeam(database.prisma, lumenOwner, 'lumen')).members.map((m) => m.userId)).toContain(lumenOwner.userId);
  });

  it('a revoked invitation cannot be accepted', async () => {
    const invitee = await registerAccount(database.prisma, { name: 'Revoked', email: 'revoked@test.live', password: 'revoked-passphrase' });
    await inviteBrandMember(database.prisma, lumenOwner, 'lumen', { email: 'revoked@test.live', role: 'STAFF' }, ctx);
    const token = await inviteToken('revoked@test.live');
    const invite = (await getBrandTeam(database.prisma, lumenOwner, 'lumen')).invites.find((i) => i.email === 'revoked@test.live')!;
    await expect(revokeBrandInvite(database.prisma, koraOwner, 'lumen', invite.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await revokeBrandInvite(database.prisma, lumenOwner, 'lumen', invite.id);
    await expect(acceptBrandInvite(database.prisma, { userId: invitee.id, name: invitee.name }, token)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('a brand always keeps an owner: the last owner cannot leave', async () => {
    const founder = await registerAccount(database.prisma, { name: 'Founder', email: 'founder@test.live', password: 'founder-passphrase' });
    const actor = { userId: founder.id, name: founder.name };
    await createBrand(database.prisma, actor, { name: 'Solo', slug: 'solo', currency: 'LAK', timeZone: 'Asia/Vientiane' });
    await expect(
      createBrand(database.prisma, actor, { name: 'Solo again', slug: 'solo', currency: 'LAK', timeZone: 'Asia/Vientiane' }),
    ).rejects.toMatchObject({ code: 'BRAND_ADDRESS_TAKEN' });
    await expect(removeBrandMember(database.prisma, actor, 'solo', founder.id)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect((await getBrandTeam(database.prisma, actor, 'solo')).members).toHaveLength(1);
  });

  it('removing someone from the team ends their sessions and disconnects their sockets', async () => {
    const member = await registerAccount(database.prisma, {
      name: 'Leaving Staff',
      email: 'leaving@test.live',
      password: 'leaving-passphrase',
    });
    await database.prisma.brandMember.create({
      data: { brandId: (await database.prisma.brand.findUniqueOrThrow({ where: { slug: 'lumen' } })).id, userId: member.id, role: 'STAFF' },
    });
    const events: AccountEvent[] = [];
    const stop = onAccountEvent((e) => events.push(e));
    try {
      await removeBrandMember(database.prisma, lumenOwner, 'lumen', member.id);
    } finally {
      stop();
    }
    const stored = await database.prisma.user.findUniqueOrThrow({ where: { id: member.id }, select: { sessionVersion: true } });
    expect(stored.sessionVersion).toBe(1);
    expect(events).toEqual([{ kind: 'sessions-revoked', userId: member.id }]);
  });

  it('invitations are throttled per sender and by a daily quota per brand, with TOO_MANY_ATTEMPTS and a retry delay', async () => {
    const owner = await registerAccount(database.prisma, {
      name: 'Quota Owner',
      email: 'quota-owner@test.live',
      password: 'quota-passphrase',
    });
    const co = await registerAccount(database.prisma, { name: 'Quota Co', email: 'quota-co@test.live', password: 'quota-passphrase' });
    const actor = { userId: owner.id, name: owner.name };
    await createBrand(database.prisma, actor, { name: 'Quota', slug: 'quota', currency: 'USD', timeZone: 'UTC' });
    const brand = await database.prisma.brand.findUniqueOrThrow({ where: { slug: 'quota' } });
    await database.prisma.brandMember.create({ data: { brandId: brand.id, userId: co.id, role: 'OWNER' } });
    const limits = throttleLimits(JSON.stringify({ invitesPerAccount: 2, invitesPerBrandPerDay: 3 }));
    const invite = (who: Actor, n: number) =>
      inviteBrandMember(database.prisma, who, 'quota', { email: `q${n}@test.live`, role: 'STAFF' }, { ...ctx, limits });

    await invite(actor, 1);
    await invite(actor, 2);
    await expect(invite(actor, 3)).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: expect.any(Number) });
    // Another owner of the same brand has their own hourly allowance, but the brand's daily quota is shared.
    const coActor = { userId: co.id, name: co.name };
    await invite(coActor, 4);
    await expect(invite(coActor, 5)).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(await database.prisma.brandInvite.count({ where: { brandId: brand.id } })).toBe(3);
  });

  it('brand creation is throttled per account and per address with TOO_MANY_ATTEMPTS', async () => {
    const founder = await registerAccount(database.prisma, {
      name: 'Serial Founder',
      email: 'serial@test.live',
      password: 'serial-passphrase',
    });
    const other = await registerAccount(database.prisma, {
      name: 'Other Founder',
      email: 'other-founder@test.live',
      password: 'other-passphrase',
    });
    const third = await registerAccount(database.prisma, {
      name: 'Third Founder',
      email: 'third-founder@test.live',
      password: 'third-passphrase',
    });
    const limits = throttleLimits(JSON.stringify({ brandsPerAccount: 1, brandsPerIp: 3 }));
    const make = (who: { id: string; name: string }, slug: string) =>
      createBrand(
        database.prisma,
        { userId: who.id, name: who.name },
        { name: slug, slug, currency: 'USD', timeZone: 'UTC' },
        { ip: '198.51.100.7', limits },
      );
    await make(founder, 'first-brand');
    await expect(make(founder, 'second-brand')).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    await make(other, 'third-brand');
    // A fresh account from the same address: refused by the address's limit alone.
    await expect(make(third, 'fourth-brand')).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(await database.prisma.brand.count({ where: { slug: { in: ['second-brand', 'fourth-brand'] } } })).toBe(0);
  });

  it('host invitations (a new show emails its host) count against the same per-sender limit', async () => {
    const limits = throttleLimits(JSON.stringify({ invitesPerAccount: 1 }));
    const show = (title: string) =>
      createShow(
        database.prisma,
        koraOwner,
        'kora',
        {
          title,
          description: '',
          startLocal: '2099-06-01T20:00',
          plannedDurationMinutes: 45,
          commissionRateBps: 1000,
          lineup: [],
          hostHandle: '@Mia',
        },
        { publicUrl: 'http://shop.test', throttle: { ip: null, limits } },
      );
    await show('First invite');
    await expect(show('Second invite')).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(await database.prisma.show.count({ where: { title: 'Second invite' } })).toBe(0);
  });
});

describe('brand time zone', () => {
  it('the owner moves the brand to another zone; a show scheduled before keeps its moment', async () => {
    const before = await database.prisma.show.findFirstOrThrow({
      where: { brand: { slug: 'kora' } },
      select: { id: true, scheduledStart: true },
    });
    try {
      expect(await setBrandTimeZone(database.prisma, koraOwner, 'kora', ' Asia/Bangkok ')).toBe('Asia/Bangkok');
      expect(await getBrandTimeZone(database.prisma, koraOwner, 'kora')).toBe('Asia/Bangkok');
      const after = await database.prisma.show.findUniqueOrThrow({ where: { id: before.id }, select: { scheduledStart: true } });
      expect(after.scheduledStart.toISOString()).toBe(before.scheduledStart.toISOString());
    } finally {
      await database.prisma.brand.update({ where: { slug: 'kora' }, data: { timeZone: 'Asia/Ulaanbaatar' } });
    }
  });

  it('a zone that is not one is refused with NEW_BRAND_TIME_ZONE_RULE and changes nothing', async () => {
    const zoneOf = async () => (await database.prisma.brand.findUniqueOrThrow({ where: { slug: 'lumen' } })).timeZone;
    const was = await zoneOf();
    for (const typed of ['', 'Mars/Olympus', 'GMT+7 please', 'Asia/Phnom Penh']) {
      await expect(setBrandTimeZone(database.prisma, lumenOwner, 'lumen', typed), typed).rejects.toMatchObject({
        reason: 'NEW_BRAND_TIME_ZONE_RULE',
      });
    }
    expect(await zoneOf()).toBe(was);
  });

  it("staff, another brand's owner and a stranger cannot change it", async () => {
    const staff = await registerAccount(database.prisma, {
      name: 'Zone Staff',
      email: 'zone-staff@test.live',
      password: 'staff-passphrase',
    });
    await database.prisma.brandMember.create({
      data: { brandId: (await database.prisma.brand.findUniqueOrThrow({ where: { slug: 'lumen' } })).id, userId: staff.id, role: 'STAFF' },
    });
    const was = (await database.prisma.brand.findUniqueOrThrow({ where: { slug: 'lumen' } })).timeZone;
    for (const actor of [{ userId: staff.id, name: 'Zone Staff' }, koraOwner]) {
      await expect(setBrandTimeZone(database.prisma, actor, 'lumen', 'Europe/Paris')).rejects.toBeInstanceOf(AppError);
    }
    expect((await database.prisma.brand.findUniqueOrThrow({ where: { slug: 'lumen' } })).timeZone).toBe(was);
  });
});
