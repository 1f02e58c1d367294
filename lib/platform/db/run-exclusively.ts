import type { Db } from './client';

export type Exclusive<T> = { ran: true; result: T } | { ran: false };

/**
 * Runs `task` only if no other process (on any machine) is running the task with the same
 * lock key: a transaction-scoped advisory lock, released when the transaction ends however
 * it ends, even when the process dies. The others skip instead of waiting.
 */
export async function runExclusively<T>(db: Db, lockKey: number, task: () => Promise<T>, options: { timeoutMs: number }): Promise<Exclusive<T>> {
  return db.$transaction(
    async (tx): Promise<Exclusive<T>> => {
      const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${lockKey}::bigint) AS locked`;
      if (!row?.locked) return { ran: false };
      return { ran: true, result: await task() };
    },
    { timeout: options.timeoutMs, maxWait: 10_000 },
  );
}
