import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { deleteAccount } from '../../server/domain/privacy';
import { changePassword } from '../../server/domain/accounts';
import { removeBrandMember } from '../../server/domain/brands';
import { respondToHostInvite } from '../../server/domain/shows';
import { revokeSessionsIssuedAt } from '../../server/domain/accounts';
import { ask, createBuyers, joinShow, startTestApp, type TestApp, type TestSocket } from '../support/app';

let t: TestApp;
let brandId: string;

beforeAll(async () => {
  t = await startTestApp();
  brandId = (await t.app.db.show.findUniqueOrThrow({ where: { id: DEMO_SHOW_ID }, select: { brandId: true } })).brandId;
});

afterAll(async () => {
  await t?.stop();
});

/** Resolves with the reason of the socket's next disconnect. */
const disconnected = (socket: TestSocket) => new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

describe('session revocation reaches live sockets', () => {
  it('signing out disconnects every socket of the account, and its old cookie opens only an anonymous socket', async () => {
    const [user] = await createBuyers(t, 1, 'logout');
    const phone = await t.connect(user);
    const laptop = await t.connect(user);
    const gone = Promise.all([disconnected(phone), disconnected(laptop)]);
    await revokeSessionsIssuedAt(t.app.db, user!.id, 0);
    expect(await gone).toEqual(['io server disconnect', 'io server disconnect']);

    const stale = await t.connect(user);
    await joinShow(stale, DEMO_SHOW_ID);
    expect(await ask(stale, 'chat:send', { showId: DEMO_SHOW_ID, text: 'still me?' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it("a password change disconnects the account's sockets", async () => {
    const [user] = await createBuyers(t, 1, 'pwchange');
    await t.app.db.user.update({ where: { id: user!.id }, data: { passwordHash: null } });
    const socket = await t.connect(user);
    const gone = disconnected(socket);
    await changePassword(t.app.db, { userId: user!.id, name: user!.name }, { currentPassword: '', newPassword: 'a-brand-new-passphrase' });
    expect(await gone).toBe('io server disconnect');
  });

  it("removal from a brand team disconnects the removed member's sockets", async () => {
    const [member, owner] = await createBuyers(t, 2, 'team');
    await t.app.db.brandMember.createMany({
      data: [
        { brandId, userId: member!.id, role: 'STAFF' },
        { brandId, userId: owner!.id, role: 'OWNER' },
      ],
    });
    const socket = await t.connect(member);
    const snapshot = await joinShow(socket, DEMO_SHOW_ID);
    expect(snapshot.role).toBe('moderator');
    const gone = disconnected(socket);
    const slug = (await t.app.db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { slug: true } })).slug;
    await removeBrandMember(t.app.db, { userId: owner!.id, name: owner!.name }, slug, member!.id);
    expect(await gone).toBe('io server disconnect');
  });

  it('a socket of a deleted account that comes back through connection state recovery is refused', async () => {
    const [user] = await createBuyers(t, 1, 'recover');
    const socket = await t.connect(user, { reconnection: true });
    await joinShow(socket, DEMO_SHOW_ID);
    // Recovery resumes from the last broadcast the client saw, so let it see one.
    const [speaker] = await createBuyers(t, 1, 'speaker');
    const talker = await t.connect(speaker);
    await joinShow(talker, DEMO_SHOW_ID);
    const heard = new Promise((resolve) => socket.once('chat:message', resolve));
    expect(await ask(talker, 'chat:send', { showId: DEMO_SHOW_ID, text: 'hello' })).toMatchObject({ ok: true });
    await heard;

    // No automatic reconnection: the account must be gone before the socket comes back.
    socket.io.reconnection(false);
    const dropped = disconnected(socket);
    (socket.io.engine as unknown as { close(): void }).close();
    await dropped;
    // Deleted while the socket was away: the disconnect broadcast had nobody to reach.
    await deleteAccount(
      t.app.db,
      { userId: user!.id, name: user!.name },
      (await t.app.db.user.findUniqueOrThrow({ where: { id: user!.id } })).email,
    );

    const refused = new Promise<{ recovered: boolean; reason: string }>((resolve) => {
      socket.once('connect', () => {
        const recovered = socket.recovered;
        socket.once('disconnect', (reason) => resolve({ recovered, reason }));
      });
    });
    socket.connect();
    expect(await refused).toEqual({ recovered: true, reason: 'io server disconnect' });
  });
});

describe('a host who declined', () => {
  it('is disconnected when declining, joins again as a viewer, and cannot open a send transport or go live', async () => {
    const [host] = await createBuyers(t, 1, 'decliner');
    const show = await t.app.db.show.create({
      data: {
        brandId,
        hostId: host!.id,
        title: 'Declined show',
        scheduledStart: new Date(Date.now() + 3_600_000),
        hostInviteStatus: 'ACCEPTED',
        status: 'SCHEDULED',
      },
      select: { id: true },
    });
    const studio = await t.connect(host);
    expect((await joinShow(studio, show.id)).role).toBe('host');
    const gone = disconnected(studio);
    await respondToHostInvite(t.app.db, { userId: host!.id, name: host!.name }, show.id, 'decline');
    expect(await gone).toBe('io server disconnect');

    const again = await t.connect(host);
    expect((await joinShow(again, show.id)).role).toBe('viewer');
    expect(await ask(again, 'media:createTransport', { showId: show.id, direction: 'send' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await ask(again, 'show:goLive', { showId: show.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
