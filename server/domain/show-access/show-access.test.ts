// Private shows with the real database: what discovery lists, who the join gate admits, and the
// personal join links the brand's invitations email.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import type { Prisma } from '../../db/client';
import { DEMO_BRAND_SLUG, DEMO_EMAILS, seedDemoData, type DemoSeed } from '../../db/seed';
import { brandProfile, homeSections, otherShows, search } from '../discovery';
import { followBrand } from '../notifications';
import { goLive } from '../shows';
import { demoActors, type DemoActors } from '../test-actors';
import { canEmbed, isPubliclyListed, requireShowAccess, setShowPrivacy } from './index';

const PUBLIC_URL = 'https://shop.example';
let database: TestDatabase;
let seed: DemoSeed;
let actors: DemoActors;
const hours = (n: number) => new Date(Date.now() + n * 3_600_000);

async function show(data: Partial<Prisma.ShowUncheckedCreateInput> & { title: string }): Promise<string> {
  const row = await database.prisma.show.create({
    data: { brandId: seed.brandId, hostId: seed.hostId, scheduledStart: hours(24), hostInviteStatus: 'ACCEPTED', ...data },
    select: { id: true },
  });
  return row.id;
}

beforeAll(async () => {
  database = await startTestDatabase();
  seed = await seedDemoData(database.prisma);
  actors = await demoActors(database.prisma);
}, 120_000);
afterAll(async () => database?.stop());

describe('listing', () => {
  it('only public shows are listed or embeddable (isPubliclyListed, canEmbed)', () => {
    expect(isPubliclyListed({ visibility: 'PUBLIC' })).toBe(true);
    expect(isPubliclyListed({ visibility: 'UNLISTED' })).toBe(false);
    expect(canEmbed({ visibility: 'INVITE_ONLY' })).toBe(false);
  });

  it('unlisted and invite-only shows appear nowhere on the home page, the /live feed, search, profiles or "other shows"', async () => {
    const made = [];
    for (const visibility of ['UNLISTED', 'INVITE_ONLY'] as const) {
      made.push(await show({ title: `Quartz ${visibility} live`, visibility, status: 'LIVE', startedAt: hours(-0.2) }));
      made.push(await show({ title: `Quartz ${visibility} soon`, visibility }));
      made.push(await show({ title: `Quartz ${visibility} replay`, visibility, status: 'ENDED', endedAt: hours(-2) }));
    }
    const listed = await show({ title: 'Quartz public soon' });
    const db = database.prisma;
    const home = await homeSections(db);
    const homeIds = [...home.live, ...home.upcoming, ...home.replays].map((s) => s.id);
    const found = (await search(db, 'Quartz')).shows.map((s) => s.id);
    const profile = await brandProfile(db, DEMO_BRAND_SLUG);
    const profileIds = JSON.stringify(profile);
    const others = (await otherShows(db, seed.showId, 50)).map((s) => s.id);
    expect(found).toEqual([listed]);
    expect(homeIds).toContain(listed);
    for (const id of made) {
      expect(homeIds).not.toContain(id);
      expect(others).not.toContain(id);
      expect(profileIds).not.toContain(id);
    }
  });
});

describe('the join gate', () => {
  it('an unlisted show admits anyone with the link', async () => {
    const id = await show({ title: 'Link only', visibility: 'UNLISTED' });
    await expect(requireShowAccess(database.prisma, { userId: null }, id)).resolves.toMatchObject({ access: 'public' });
  });

  it('an invite-only show refuses the uninvited with SHOW_PRIVATE (FORBIDDEN) and admits invitees, their link, followers and staff', async () => {
    const id = await show({ title: 'Friends and family' });
    const { invited } = await setShowPrivacy(
      database.prisma,
      actors.lumenOwner,
      DEMO_BRAND_SLUG,
      id,
      { visibility: 'INVITE_ONLY', emails: `${DEMO_EMAILS.viewer.toUpperCase()}, guest@elsewhere.example` },
      { publicUrl: PUBLIC_URL },
    );
    expect(invited).toBe(2);
    const gate = (visitor: { userId: string | null; inviteToken?: string }) => requireShowAccess(database.prisma, visitor, id);
    await expect(gate({ userId: null })).rejects.toMatchObject({ code: 'FORBIDDEN', reason: 'SHOW_PRIVATE' });
    await expect(gate({ userId: actors.viewer2.userId })).rejects.toMatchObject({ code: 'FORBIDDEN', reason: 'SHOW_PRIVATE' });
    await expect(gate({ userId: actors.viewer.userId })).resolves.toMatchObject({ access: 'invited' });
    await expect(gate({ userId: actors.host.userId })).resolves.toMatchObject({ access: 'staff' });
    await expect(gate({ userId: actors.lumenOwner.userId })).resolves.toMatchObject({ access: 'staff' });

    // The guest has no account: their personal link's token lets them in, another show's does not.
    const guest = await database.prisma.showInvite.findFirstOrThrow({ where: { showId: id, email: 'guest@elsewhere.example' } });
    await expect(gate({ userId: null, inviteToken: guest.token })).resolves.toMatchObject({ access: 'invited' });
    await expect(requireShowAccess(database.prisma, { userId: null, inviteToken: guest.token }, seed.showId)).resolves.toMatchObject({
      access: 'public',
    });

    // The brand's followers, once the brand invites them.
    await followBrand(database.prisma, actors.viewer2, seed.brandId);
    await setShowPrivacy(
      database.prisma,
      actors.lumenOwner,
      DEMO_BRAND_SLUG,
      id,
      { visibility: 'INVITE_ONLY', inviteFollowers: true, emails: DEMO_EMAILS.viewer },
      { publicUrl: PUBLIC_URL },
    );
    await expect(gate({ userId: actors.viewer2.userId })).resolves.toMatchObject({ access: 'invited' });
    // The guest dropped off the list: their link stopped working.
    await expect(gate({ userId: null, inviteToken: guest.token })).rejects.toMatchObject({ reason: 'SHOW_PRIVATE' });
  });

  it('each new invitee is emailed once, with a personal join link', async () => {
    const id = await show({ title: 'Private preview' });
    const input = { visibility: 'INVITE_ONLY' as const, emails: 'once@guests.example' };
    await setShowPrivacy(database.prisma, actors.lumenOwner, DEMO_BRAND_SLUG, id, input, { publicUrl: PUBLIC_URL });
    await setShowPrivacy(database.prisma, actors.lumenOwner, DEMO_BRAND_SLUG, id, input, { publicUrl: PUBLIC_URL });
    const invite = await database.prisma.showInvite.findFirstOrThrow({ where: { showId: id } });
    const jobs = await database.prisma.job.findMany({
      where: { dedupeKey: { startsWith: `email:show-invite:${id}:` } },
      select: { payload: true },
    });
    expect(jobs).toHaveLength(1);
    expect(JSON.stringify(jobs[0]!.payload)).toContain(`${PUBLIC_URL}/api/shows/join/${invite.token}`);
  });
});

describe('announcements', () => {
  it('going live announces a public show to its followers, but neither an unlisted one nor an invite-only one closed to followers', async () => {
    const announced = async (visibility: 'PUBLIC' | 'UNLISTED' | 'INVITE_ONLY') => {
      const id = await show({ title: `Announce ${visibility}`, visibility, scheduledStart: hours(0.1) });
      await goLive(database.prisma, actors.host, id);
      return database.prisma.job.count({ where: { kind: 'show.live', dedupeKey: { startsWith: `show-live:${id}:` } } });
    };
    expect(await announced('PUBLIC')).toBe(1);
    expect(await announced('UNLISTED')).toBe(0);
    expect(await announced('INVITE_ONLY')).toBe(0);
  });
});
