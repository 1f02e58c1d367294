import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPresence } from '../../../../lib/features/presence/record-presence';
import { listPresence } from '../../../../lib/read/team/list-presence';
import { getMirrorVersion } from '../../../../lib/read/inbox/get-mirror-version';
import { PRESENCE_TTL_MS } from '../../../../lib/core/team/presence';
import { NotFoundError } from '../../../../lib/core/errors';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { seedConversation } from '../../read/support/seed';
import { seedPerson } from './support';

/**
 * Presence: a heartbeat per tab, folded per person, gone when the tab says goodbye or falls
 * silent; and only a join, a departure or a change of state wakes the live pages.
 */
let store: TempDb;
let listener: pg.Client;
const payloads: string[] = [];
let markers = 0;

beforeAll(async () => {
  store = await createTempDb();
  listener = new pg.Client({ connectionString: store.url });
  await listener.connect();
  listener.on('notification', (message) => payloads.push(message.payload ?? ''));
  await listener.query('LISTEN countersign_mirror');
});

afterAll(async () => {
  await listener?.end();
  await store?.close();
});

/**
 * The wake-ups `change` caused. NOTIFYs arrive in commit order, so once a marker sent after
 * the change has arrived, every wake-up of the change has too: no waiting on a clock.
 */
async function wakeUps(change: () => Promise<unknown>): Promise<number> {
  // Whatever the setup woke (a conversation seeded) has arrived once the first marker has.
  const start = (await marked()) + 1;
  await change();
  return (await marked()) - start;
}

/** Sends a marker through the channel and answers its position once it has arrived. */
async function marked(): Promise<number> {
  markers += 1;
  const marker = `marker-${markers}`;
  await store.db.$executeRawUnsafe(`SELECT pg_notify('countersign_mirror', '${marker}')`);
  await expect.poll(() => payloads.includes(marker), { timeout: 5_000 }).toBe(true);
  return payloads.indexOf(marker);
}

describe('presence', () => {
  it('wakes live pages on join, on a change between viewing and writing and on leaving, never on a renewal', async () => {
    const ana = await seedPerson(store.db, { name: 'Ana Present' });
    const id = await seedConversation(store.db);
    const beat = (state: 'viewing' | 'writing' | 'gone') => recordPresence({ conversationId: id, userId: ana, tabId: 'tab-aaaaaaaa', state }, store.db);

    expect(await wakeUps(() => beat('viewing'))).toBe(1);
    expect(await wakeUps(() => beat('viewing'))).toBe(0);
    expect(await wakeUps(() => beat('writing'))).toBe(1);
    expect((await listPresence([id], store.db)).get(id)).toMatchObject([{ userId: ana, name: 'Ana Present', state: 'writing' }]);
    expect(await wakeUps(() => beat('writing'))).toBe(0);
    expect(await wakeUps(() => beat('gone'))).toBe(1);
    expect((await listPresence([id], store.db)).get(id)).toBeUndefined();
  });

  it('changes the version a page compares against on everything that wakes pages, and not on a renewal', async () => {
    // A page rendered at one version subscribes a moment later and is told at once if the
    // version moved meanwhile (lib/read/live/mirror-event-stream.ts): a colleague opening the
    // conversation in that gap must move it, or the page never shows them.
    const ana = await seedPerson(store.db, { name: 'Ana Versioned' });
    const id = await seedConversation(store.db);
    const beat = (state: 'viewing' | 'writing' | 'gone') => recordPresence({ conversationId: id, userId: ana, tabId: 'tab-vvvvvvvv', state }, store.db);
    const moved = async (change: () => Promise<unknown>) => {
      const before = await getMirrorVersion(store.db);
      await change();
      return (await getMirrorVersion(store.db)) !== before;
    };
    expect(await moved(() => beat('viewing'))).toBe(true);
    expect(await moved(() => beat('viewing'))).toBe(false);
    expect(await moved(() => beat('writing'))).toBe(true);
    expect(await moved(() => beat('gone'))).toBe(true);
    expect(await moved(() => store.db.conversationNote.create({ data: { conversationId: id, authorId: ana, body: 'Called them back.' } }))).toBe(true);
    expect(await moved(() => store.db.notification.create({ data: { userId: ana, kind: 'mention', title: 'Note', body: 'x', conversationId: id, dedupeKey: `version:${id}` } }))).toBe(true);
    expect(await moved(async () => undefined)).toBe(false);
  });

  it('folds a person’s tabs into one entry (writing wins) and lists writers first', async () => {
    const ana = await seedPerson(store.db, { name: 'Ana Tabs' });
    const zed = await seedPerson(store.db, { name: 'Zed Writer' });
    const id = await seedConversation(store.db);
    await recordPresence({ conversationId: id, userId: ana, tabId: 'tab-one-1111', state: 'viewing' }, store.db);
    await recordPresence({ conversationId: id, userId: ana, tabId: 'tab-two-2222', state: 'viewing' }, store.db);
    await recordPresence({ conversationId: id, userId: zed, tabId: 'tab-zed-3333', state: 'writing' }, store.db);
    expect((await listPresence([id], store.db)).get(id)?.map((person) => [person.name, person.state])).toEqual([
      ['Zed Writer', 'writing'],
      ['Ana Tabs', 'viewing'],
    ]);
    await recordPresence({ conversationId: id, userId: ana, tabId: 'tab-two-2222', state: 'writing' }, store.db);
    expect((await listPresence([id], store.db)).get(id)?.map((person) => person.state)).toEqual(['writing', 'writing']);
  });

  it('drops a tab that went silent once its heartbeat expires, and the next heartbeat anywhere sweeps it (waking pages)', async () => {
    const gone = await seedPerson(store.db, { name: 'Gina Gone' });
    const stays = await seedPerson(store.db, { name: 'Sid Stays' });
    const id = await seedConversation(store.db);
    const t0 = new Date();
    await recordPresence({ conversationId: id, userId: gone, tabId: 'tab-gone-4444', state: 'writing' }, store.db, t0);
    const later = new Date(t0.getTime() + PRESENCE_TTL_MS + 1_000);
    // Read at a moment after its expiry: no longer there, even before any sweep.
    expect((await listPresence([id], store.db, later)).get(id)).toBeUndefined();
    expect(await store.db.conversationPresence.count({ where: { userId: gone } })).toBe(1);
    // Another person's heartbeat at that moment sweeps it, and live pages hear of it.
    expect(await wakeUps(() => recordPresence({ conversationId: id, userId: stays, tabId: 'tab-stay-5555', state: 'viewing' }, store.db, later))).toBeGreaterThanOrEqual(1);
    expect(await store.db.conversationPresence.count({ where: { userId: gone } })).toBe(0);
  });

  it('refuses presence on a conversation that does not exist, and goes with a conversation that is erased', async () => {
    const ana = await seedPerson(store.db, { name: 'Ana Erased' });
    await expect(recordPresence({ conversationId: 'conv-never-was', userId: ana, tabId: 'tab-none-6666', state: 'viewing' }, store.db)).rejects.toBeInstanceOf(NotFoundError);
    const id = await seedConversation(store.db);
    await recordPresence({ conversationId: id, userId: ana, tabId: 'tab-erase-7777', state: 'writing' }, store.db);
    await store.db.conversationNote.create({ data: { conversationId: id, authorId: ana, body: 'The customer’s phone is 555-0100.' } });
    await store.db.notification.create({ data: { userId: ana, kind: 'mention', title: 'About it', body: 'x', conversationId: id, dedupeKey: `erase:${id}` } });
    await store.db.conversation.delete({ where: { id } });
    expect(await store.db.conversationPresence.count({ where: { conversationId: id } })).toBe(0);
    expect(await store.db.conversationNote.count({ where: { conversationId: id } })).toBe(0);
    expect(await store.db.notification.count({ where: { conversationId: id } })).toBe(0);
  });
});
