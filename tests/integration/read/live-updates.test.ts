import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMirrorWatcher, type MirrorWatcher } from '../../../lib/read/live/mirror-watcher';
import { createTempDb, type TempDb } from '../../support/temp-db';
import { seedConversation } from './support/seed';

// The live inbox across processes: another connection (a worker on another machine, as far
// as PostgreSQL can tell) changes the mirror, and the web process's watcher hears of it.
let temp: TempDb;
let other: pg.Client;
let watcher: MirrorWatcher;
const states: string[] = [];
const ticks: string[] = [];
let unsubscribe: () => void = () => undefined;

async function waitForState(state: string, after: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!states.slice(after).includes(state)) {
    if (Date.now() > deadline) throw new Error(`the watcher never reached "${state}" (states: ${states.join(', ')})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const touch = (id: string, status: string) => other.query(`UPDATE "Conversation" SET "status" = $1, "updatedAt" = clock_timestamp() WHERE "id" = $2`, [status, id]);

beforeAll(async () => {
  temp = await createTempDb();
  await seedConversation(temp.db, { id: 'live-1' });
  other = new pg.Client({ connectionString: temp.url });
  await other.connect();
  watcher = createMirrorWatcher({ databaseUrl: () => temp.url, db: () => temp.db, onState: (state) => states.push(state) });
  unsubscribe = watcher.subscribe((version) => ticks.push(version));
  await waitForState('listening', 0);
});

afterAll(async () => {
  unsubscribe();
  await other.end();
  await temp.close();
});

describe('live mirror updates', () => {
  it('ticks once it listens, so a change made while it was connecting is not missed', async () => {
    const fresh = createMirrorWatcher({ databaseUrl: () => temp.url, db: () => temp.db });
    const seen: string[] = [];
    const stop = fresh.subscribe((version) => seen.push(version));
    try {
      // Committed before the LISTEN connection is up (it is still connecting): no NOTIFY reaches it.
      await touch('live-1', 'classifying');
      const row = await temp.db.conversation.findUniqueOrThrow({ where: { id: 'live-1' } });
      await expect.poll(() => seen.at(-1), { timeout: 5_000 }).toContain(row.updatedAt.toISOString());
    } finally {
      stop();
    }
  });

  it('ticks when another connection commits a change, with the new version', async () => {
    const before = ticks.length;
    await touch('live-1', 'escalated');
    await expect.poll(() => ticks.length, { timeout: 5_000 }).toBeGreaterThan(before);
    const row = await temp.db.conversation.findUniqueOrThrow({ where: { id: 'live-1' } });
    expect(ticks.at(-1)).toContain(row.updatedAt.toISOString());
  });

  it('does not tick for an uncommitted change, then ticks when it commits', async () => {
    const before = ticks.length;
    await other.query('BEGIN');
    await touch('live-1', 'awaiting_approval');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(ticks.length).toBe(before);
    await other.query('COMMIT');
    await expect.poll(() => ticks.length, { timeout: 5_000 }).toBeGreaterThan(before);
  });

  it('folds a burst of changes into a few reads, ending on the final version', async () => {
    const before = ticks.length;
    for (let i = 0; i < 40; i += 1) await touch('live-1', i % 2 ? 'sent' : 'closed');
    const final = await temp.db.conversation.findUniqueOrThrow({ where: { id: 'live-1' } });
    await expect.poll(() => ticks.at(-1), { timeout: 5_000 }).toContain(final.updatedAt.toISOString());
    expect(ticks.length - before).toBeGreaterThan(0);
    expect(ticks.length - before).toBeLessThanOrEqual(40);
  });

  it('polls while its connection is gone and shows what changed meanwhile, then listens again', async () => {
    const mark = states.length;
    const terminated = await other.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'countersign-live' AND datname = current_database()`,
    );
    expect(terminated.rowCount).toBe(1);
    await waitForState('polling', mark);
    const before = ticks.length;
    // An event row, written while the watcher cannot hear notifications.
    await other.query(
      `INSERT INTO "ConversationEvent" ("id", "conversationId", "eventKey", "type", "data", "at", "createdAt") VALUES ('ev-gap', 'live-1', 'live-1:gap', 'note', '{}', now(), clock_timestamp())`,
    );
    await expect.poll(() => ticks.length, { timeout: 10_000 }).toBeGreaterThan(before);
    await waitForState('listening', mark);
    const afterReconnect = ticks.length;
    await touch('live-1', 'escalated');
    await expect.poll(() => ticks.length, { timeout: 5_000 }).toBeGreaterThan(afterReconnect);
  });
});
