import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overviewWindow } from '../../../lib/read/overview/overview-window';
import { readModelStats } from '../../../lib/read/overview/model-stats';
import { createTempDb, type TempDb } from '../../support/temp-db';
import { seedConversation } from './support/seed';

let temp: TempDb;
const NOW = new Date('2026-03-10T12:00:00Z');

async function call(key: string, purpose: string, usage: { input: number; read: number; write: number }, extra: { model?: string; priceEstimated?: boolean } = {}) {
  await temp.db.llmCall.create({
    data: {
      callKey: key,
      purpose,
      model: extra.model ?? 'claude-haiku-4-5',
      promptName: 'p',
      promptVersion: 1,
      attempt: 1,
      ok: true,
      inputTokens: usage.input,
      cacheReadTokens: usage.read,
      cacheWrite5mTokens: usage.write,
      priceEstimated: extra.priceEstimated ?? false,
      costUsd: 0.001,
      createdAt: new Date('2026-03-10T10:00:00Z'),
    },
  });
}

beforeAll(async () => {
  temp = await createTempDb();
  await call('c1', 'classify', { input: 200, read: 0, write: 5000 });
  await call('c2', 'classify', { input: 200, read: 5000, write: 0 });
  await call('d1', 'draft', { input: 600, read: 2400, write: 0 }, { model: 'claude-next-9', priceEstimated: true });
  await seedConversation(temp.db, { status: 'needs_person' });
  await seedConversation(temp.db, { status: 'awaiting_approval' });
});
afterAll(async () => {
  await temp.close();
});

describe('readModelStats', () => {
  it('reports the cache-read share per request kind, unpriced models and who waits for a person', async () => {
    const stats = await readModelStats(overviewWindow(3, NOW), temp.db);
    expect(stats.byPurpose).toEqual([
      { purpose: 'classify', calls: 2, promptTokens: 10_400, cacheReadTokens: 5_000, cacheReadShare: 5_000 / 10_400 },
      { purpose: 'draft', calls: 1, promptTokens: 3_000, cacheReadTokens: 2_400, cacheReadShare: 0.8 },
    ]);
    expect(stats).toMatchObject({ unpricedCalls: 1, unpricedModels: ['claude-next-9'], needsPersonNow: 1 });
  });
});
