import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../test/support/database';
import { DEMO_EMAILS, seedDemoData } from '../db/seed';
import { registerAccount } from './accounts';
import { acceptBrandInvite, createBrand, getBrandTeam, inviteBrandMember, removeBrandMember, revokeBrandInvite } from './brand-team';
import type { Actor } from './context';

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

async function inviteToken(email: string): Promise<string> {
  const job = (await database.prisma.job.findMany({ where: { kind: 'email.send' }, orderBy: { createdAt: 'desc' } })).find((j) => (j.payload as { to: string }).to === email);
  return /invites\/([\w-]+)/.exec((job?.payload as { text: string }).text)?.[1] ?? '';
}

describe('brand team', () => {
  it('an owner invites by email and only the account with that email can accept, once', async () => {
    const invitee = await registerAccount(database.prisma, { name: 'New Staff', email: 'staff@test.live', password: 'staff-passphrase' });
    const stranger = await registerAccount(database.prisma, { name: 'Stranger', email: 'stranger@test.live', password: 'stranger-passphrase' });
    await inviteBrandMember(database.prisma, lumenOwner, 'lumen', { email: 'staff@test.live', role: 'STAFF' }, 'http://shop.test');
    const token = await inviteToken('staff@test.live');

    await expect(acceptBrandInvite(database.prisma, { userId: stranger.id, name: stranger.name }, token)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await acceptBrandInvite(database.prisma, { userId: invitee.id, name: invitee.name }, token)).toEqual({ slug: 'lumen' });
    await expect(acceptBrandInvite(database.prisma, { userId: invitee.id, name: invitee.name }, token)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const team = await getBrandTeam(database.prisma, { userId: invitee.id, name: invitee.name }, 'lumen');
    expect(team.members.map((m) => [m.email, m.role])).toContainEqual(['staff@test.live', 'STAFF']);
    // Staff see the team but cannot invite.
    await expect(inviteBrandMember(database.prisma, { userId: invitee.id, name: invitee.name }, 'lumen', { email: 'x@test.live', role: 'OWNER' }, 'http://shop.test')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a member of another brand cannot see or change this team (NOT_FOUND)', async () => {
    await expect(getBrandTeam(database.prisma, koraOwner, 'lumen')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(inviteBrandMember(database.prisma, koraOwner, 'lumen', { email: 'spy@test.live', role: 'OWNER' }, 'http://shop.test')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(removeBrandMember(database.prisma, koraOwner, 'lumen', lumenOwner.userId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getBrandTeam(database.prisma, lumenOwner, 'lumen')).members.map((m) => m.userId)).toContain(lumenOwner.userId);
  });

  it('a revoked invitation cannot be accepted', async () => {
    const invitee = await registerAccount(database.prisma, { name: 'Revoked', email: 'revoked@test.live', password: 'revoked-passphrase' });
    await inviteBrandMember(database.prisma, lumenOwner, 'lumen', { email: 'revoked@test.live', role: 'STAFF' }, 'http://shop.test');
    const token = await inviteToken('revoked@test.live');
    const invite = (await getBrandTeam(database.prisma, lumenOwner, 'lumen')).invites.find((i) => i.email === 'revoked@test.live')!;
    await expect(revokeBrandInvite(database.prisma, koraOwner, 'lumen', invite.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await revokeBrandInvite(database.prisma, lumenOwner, 'lumen', invite.id);
    await expect(acceptBrandInvite(database.prisma, { userId: invitee.id, name: invitee.name }, token)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a brand always keeps an owner: the last owner cannot leave', async () => {
    const founder = await registerAccount(database.prisma, { name: 'Founder', email: 'founder@test.live', password: 'founder-passphrase' });
    const actor = { userId: founder.id, name: founder.name };
    await createBrand(database.prisma, actor, { name: 'Solo', slug: 'solo', currency: 'LAK', timeZone: 'Asia/Vientiane' });
    await expect(createBrand(database.prisma, actor, { name: 'Solo again', slug: 'solo', currency: 'LAK', timeZone: 'Asia/Vientiane' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(removeBrandMember(database.prisma, actor, 'solo', founder.id)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect((await getBrandTeam(database.prisma, actor, 'solo')).members).toHaveLength(1);
  });
});
