import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setRoundRobinEnabled } from '../../../../lib/features/assignment/round-robin-setting';
import { normalizeJson } from '../../../../lib/features/intake/normalize';
import { storeInbound } from '../../../../lib/features/intake/store-inbound';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { seedPerson } from './support';

/** Round-robin at intake: only available, enabled agents, in turn, and never the same turn twice. */
let store: TempDb;
let mails = 0;
beforeAll(async () => {
  store = await createTempDb();
});
afterAll(async () => {
  await store?.close();
});
beforeEach(async () => {
  await store.db.agentAvailability.deleteMany();
});

const receive = () => {
  mails += 1;
  return storeInbound(normalizeJson({ from: `customer${mails}@shop.example`, to: 'support@countersign.local', subject: `Question ${mails}`, text: 'Where is my order?', messageId: `<rr-${mails}@shop.example>` }, 100), store.db);
};
const ownerOf = async (id: string) => (await store.db.conversation.findUniqueOrThrow({ where: { id }, select: { assigneeId: true } })).assigneeId;

describe('round-robin at intake', () => {
  it('leaves new conversations unassigned while it is off', async () => {
    await seedPerson(store.db, { name: 'Olga Off', available: true });
    const stored = await receive();
    expect(stored.assignedTo).toBeUndefined();
    expect(await ownerOf(stored.conversationId)).toBeNull();
  });

  it('gives new conversations in turn to available, enabled agents only', async () => {
    const admin = await seedPerson(store.db, { name: 'Manager Mia', role: 'manager' });
    await setRoundRobinEnabled(true, admin, store.db);
    const ana = await seedPerson(store.db, { name: 'Ana Turn', available: true });
    const ben = await seedPerson(store.db, { name: 'Ben Turn', available: true });
    const cal = await seedPerson(store.db, { name: 'Cal Turn', available: true });
    await seedPerson(store.db, { name: 'Away Ada', available: false });
    await seedPerson(store.db, { name: 'Gone Gus', available: true, disabled: true });

    const owners: (string | null)[] = [];
    for (let i = 0; i < 6; i += 1) owners.push(await ownerOf((await receive()).conversationId));
    expect(owners.slice(0, 3).sort()).toEqual([ana, ben, cal].sort());
    expect(owners.slice(3)).toEqual(owners.slice(0, 3));

    const events = await store.db.conversationEvent.findMany({ where: { type: 'assigned' } });
    expect(events.every((event) => (event.data as { how: string }).how === 'round_robin')).toBe(true);
  });

  it('hands two conversations arriving at the same moment to two different agents, every time', async () => {
    const ana = await seedPerson(store.db, { name: 'Ana Race', available: true });
    const ben = await seedPerson(store.db, { name: 'Ben Race', available: true });
    const counts = new Map<string | null, number>();
    for (let round = 0; round < 8; round += 1) {
      const pair = await Promise.all([receive(), receive()]);
      const owners = await Promise.all(pair.map((stored) => ownerOf(stored.conversationId)));
      expect(new Set(owners).size).toBe(2);
      expect(pair.map((stored) => stored.assignedTo)).toEqual(owners);
      for (const owner of owners) counts.set(owner, (counts.get(owner) ?? 0) + 1);
    }
    expect(counts.get(ana)).toBe(8);
    expect(counts.get(ben)).toBe(8);
  });

  it('assigns nobody when nobody is available', async () => {
    await seedPerson(store.db, { name: 'Away Al', available: false });
    const stored = await receive();
    expect(await ownerOf(stored.conversationId)).toBeNull();
  });
});
