import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, preparePragmas, type Db } from '../../../../lib/platform/db/client';
import { consumeRateLimit } from '../../../../lib/web/auth/consume-rate-limit';
import { storeInbound } from '../../../../lib/features/intake/store-inbound';
import { normalizeJson } from '../../../../lib/features/intake/normalize';
import { createTempDb, type TempDb } from '../../../support/temp-db';

/**
 * Several connections to one SQLite file, as the web app, the worker and the CLI have:
 * transactions that read then write (the sign-in throttle, intake) interleave. Without the
 * write lock taken up front most of them fail with SQLITE_BUSY_SNAPSHOT.
 */
let store: TempDb;
let connections: Db[];
beforeAll(async () => {
  store = await createTempDb();
  connections = [store.db];
  for (let index = 0; index < 4; index += 1) {
    const db = createDb(`file:${store.file}`);
    await preparePragmas(db);
    connections.push(db);
  }
});
afterAll(async () => {
  await Promise.all(connections.slice(1).map((db) => db.$disconnect()));
  await store?.close();
});

describe('writes from many connections at once', () => {
  it('all succeed, and counters count every one', async () => {
    const rule = { windowSeconds: 60, max: 10_000 };
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, index) => consumeRateLimit(connections[index % connections.length]!, `key-${index % 3}`, rule)),
    );
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const rows = await store.db.rateLimit.findMany({ orderBy: { key: 'asc' } });
    expect(rows.map((row) => row.count)).toEqual([67, 67, 66]);
  });

  it('intake stores every message while other connections write', async () => {
    const emails = Array.from({ length: 60 }, (_, index) =>
      normalizeJson({ from: `customer${index}@example.com`, subject: `Question ${index}`, text: 'Hello', messageId: `<lock-${index}@example.com>` }, 100),
    );
    const results = await Promise.allSettled([
      ...emails.map((email, index) => storeInbound(email, connections[index % connections.length])),
      ...Array.from({ length: 60 }, (_, index) => consumeRateLimit(connections[(index + 1) % connections.length]!, 'busy', { windowSeconds: 60, max: 1_000 })),
    ]);
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(await store.db.message.count({ where: { messageIdHeader: { startsWith: '<lock-' } } })).toBe(60);
  });
});
