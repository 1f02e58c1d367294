import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Prisma } from '../lib/platform/db/generated/client';
import { PROJECT_ROOT } from '../devstack/project-root';
import { createTempDb, stopStandaloneServer } from '../tests/support/temp-db';
import { loadDataLayer, type ListInboxOptions } from './inbox-query/load-data-layer';
import { renderTable, time, type Timing } from './inbox-query/measure';
import { sanityCheck } from './inbox-query/sanity-check';
import { seedConversations } from './inbox-query/seed-conversations';

/**
 * Inbox queries at 100k conversations (each with a message) in a throwaway PostgreSQL: first
 * pages, a page 90% deep, full-text search, countQueues and the live-update version read, as
 * p50/p95 over many runs, plus the query plans that explain them. Run: `tsx
 * bench/inbox-query.ts`, or through `npm run bench`.
 */
export interface BenchResult {
  name: string;
  summary: string;
  outputPath: string;
  data: { generatedAt: string; conversations: number; runs: number; seedSeconds: number; timings: Timing[] };
}

const OUTPUT = path.join(PROJECT_ROOT, 'bench', 'results', 'inbox-query.json');

export async function runInboxBenchmark(options: { conversations?: number; runs?: number } = {}): Promise<BenchResult> {
  const conversations = options.conversations ?? 100_000;
  const runs = options.runs ?? 50;
  const data = await loadDataLayer();
  const temp = await createTempDb();
  let timings: Timing[];
  let seedSeconds = 0;
  try {
    const seedStarted = performance.now();
    await seedConversations(temp.url, conversations);
    seedSeconds = (performance.now() - seedStarted) / 1000;
    const db = temp.db;
    // A cursor 90% deep into All/newest: where OFFSET paging would skip 90k rows.
    const [deep] = await db.$queryRaw<{ id: string; lastMessageAt: Date }[]>`
      SELECT "id", "lastMessageAt" FROM "Conversation" ORDER BY "lastMessageAt" DESC, "id" DESC
      LIMIT 1 OFFSET ${Math.floor(conversations * 0.9)}`;
    if (!deep) throw new Error('seeding failed');
    const deepCursor = data.encodeCursor('newest', data.positionOf('newest', { ...deep, slaDueAt: null, priority: null }));
    await sanityCheck(data, db, deep.id, deepCursor);
    const page = (query: ListInboxOptions) => () => data.listInbox(query, db);

    timings = [
      await time('first page · Needs approval · SLA', runs, page({ queue: 'needs_approval', sort: 'sla' })),
      await time('first page · All · newest', runs, page({ queue: 'all', sort: 'newest' })),
      await time('first page · All · priority', runs, page({ queue: 'all', sort: 'priority' })),
      await time('first page · Sent · category filter', runs, page({ queue: 'sent', sort: 'newest', category: 'billing' })),
      await time('deep cursor page (row 90,000) · All', runs, page({ queue: 'all', sort: 'newest', cursor: deepCursor })),
      await time('search, rare term (a customer) · All', runs, page({ queue: 'all', sort: 'newest', search: 'customer1234' })),
      await time('search, 1 in 6 messages (refund) · All', runs, page({ queue: 'all', sort: 'newest', search: 'refund' })),
      await time('search, every message (order) · All', runs, page({ queue: 'all', sort: 'newest', search: 'order' })),
      await time('search, two words · All', runs, page({ queue: 'all', sort: 'newest', search: 'charged twice' })),
      await time('search · Needs approval · SLA', runs, page({ queue: 'needs_approval', sort: 'sla', search: 'customer1234' })),
      await time('search, refund · Needs approval · SLA', runs, page({ queue: 'needs_approval', sort: 'sla', search: 'refund' })),
      await time('countQueues', runs, () => data.countQueues({}, db)),
      await time('getMirrorVersion (live poll)', runs, () => data.getMirrorVersion(db)),
    ];
    // The plans explain the numbers: index range scans, no sort step, no full scan.
    const explain = async (sort: 'sla' | 'newest', queue: 'needs_approval' | 'all', search?: string) => {
      const segment = data.segmentsFor(sort)[0];
      if (!segment) return '';
      const query = data.segmentQuery(data.inboxWhere({ queue, search }), segment, undefined, false, 51);
      const rows = await db.$queryRaw<Record<string, string>[]>(Prisma.sql`EXPLAIN ${query}`);
      return rows.map((row) => (row['QUERY PLAN'] ?? '').trim()).join(' | ');
    };
    Object.assign(timings[0] ?? {}, { plan: await explain('sla', 'needs_approval') });
    Object.assign(timings[1] ?? {}, { plan: await explain('newest', 'all') });
    const searchTiming = timings.find((timing) => timing.name.startsWith('search, 1 in 6'));
    if (searchTiming) searchTiming.plan = await explain('newest', 'all', 'refund');
  } finally {
    await temp.close();
  }

  const result = { generatedAt: new Date().toISOString(), conversations, runs, seedSeconds: Number(seedSeconds.toFixed(1)), timings };
  await mkdir(path.dirname(OUTPUT), { recursive: true });
  await writeFile(OUTPUT, `${JSON.stringify(result, null, 2)}\n`);
  const summary = `Inbox queries over ${conversations.toLocaleString('en-GB')} conversations (PostgreSQL, ${runs} runs each; seeded in ${seedSeconds.toFixed(0)} s)\n${renderTable(timings)}`;
  return { name: 'inbox-query', summary, outputPath: OUTPUT, data: result };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runInboxBenchmark()
    .then((result) => console.log(`${result.summary}\n\nwrote ${path.relative(process.cwd(), result.outputPath)}`))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => void stopStandaloneServer());
}
