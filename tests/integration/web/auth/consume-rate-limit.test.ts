import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeRateLimit } from '../../../../lib/web/auth/consume-rate-limit';
import { createTempDb, type TempDb } from '../../../support/temp-db';

let temp: TempDb;
beforeAll(async () => {
  temp = await createTempDb();
});
afterAll(async () => {
  await temp.close();
});

describe('consumeRateLimit', () => {
  const rule = { windowSeconds: 60, max: 3 };
  const t0 = 1_800_000_000_000;

  it('allows max attempts per fixed window, then reports the wait, then starts over', async () => {
    const at = (seconds: number) => consumeRateLimit(temp.db, 'k1', rule, t0 + seconds * 1000);
    // The first attempt opens the window; the next two arrive together.
    expect((await at(0)).allowed).toBe(true);
    expect((await Promise.all([at(1), at(2)])).map((d) => d.allowed)).toEqual([true, true]);
    expect(await at(10)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect((await at(60)).allowed).toBe(true);
  });

  it('stores the window end, so pruning rows older than a shorter window keeps live ones', async () => {
    await consumeRateLimit(temp.db, 'k2', { windowSeconds: 900, max: 1 }, t0);
    const row = await temp.db.rateLimit.findUniqueOrThrow({ where: { key: 'k2' } });
    expect(Number(row.lastRequest)).toBe(t0 + 900_000);
    // What better-auth's pruning does 2 minutes later with its 60 s window.
    await temp.db.rateLimit.deleteMany({ where: { lastRequest: { lt: t0 + 120_000 - 60_000 } } });
    expect((await consumeRateLimit(temp.db, 'k2', { windowSeconds: 900, max: 1 }, t0 + 120_000)).allowed).toBe(false);
  });

  it('counts every one of many simultaneous attempts, as from many web nodes at once', async () => {
    const results = await Promise.all(Array.from({ length: 25 }, () => consumeRateLimit(temp.db, 'k3', { windowSeconds: 60, max: 10 }, t0)));
    expect(results.filter((decision) => decision.allowed)).toHaveLength(10);
    const row = await temp.db.rateLimit.findUniqueOrThrow({ where: { key: 'k3' } });
    expect(row.count).toBe(25);
    expect(Number(row.lastRequest)).toBe(t0 + 60_000);
  });
});
