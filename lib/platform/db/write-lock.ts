import type { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type Database from 'better-sqlite3';

type Factory = PrismaBetterSQLite3;
type Adapter = Awaited<ReturnType<Factory['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;

/** How long a write waits for the lock (other processes commit in milliseconds). */
const LOCK_DEADLINE_MS = 30_000;

/** SQLITE_BUSY and its extended codes (BUSY_SNAPSHOT, BUSY_RECOVERY, BUSY_TIMEOUT), raw or wrapped by Prisma. */
export function isBusyError(error: unknown): boolean {
  const direct = (error as { code?: unknown } | null)?.code;
  const wrapped = (error as { cause?: { originalCode?: unknown } } | null)?.cause?.originalCode;
  const code = typeof direct === 'string' ? direct : typeof wrapped === 'string' ? wrapped : '';
  return code.startsWith('SQLITE_BUSY');
}

function backoffMs(attempt: number): number {
  return Math.min(50, 2 * 2 ** attempt) * (0.5 + Math.random());
}

/**
 * Runs `attempt` until it does not fail with SQLITE_BUSY, backing off with jitter. The
 * connection's busy timeout is 0, so a busy lock fails at once and the wait happens here,
 * asynchronously: the event loop (and any other connection in this process) keeps going.
 */
async function untilNotBusy<T>(attempt: () => T | Promise<T>): Promise<T> {
  const deadline = Date.now() + LOCK_DEADLINE_MS;
  for (let tries = 0; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusyError(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(tries)));
    }
  }
}

/** One transaction at a time on this connection, in arrival order. */
function createMutex() {
  let tail = Promise.resolve();
  return async function acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = tail;
    tail = tail.then(() => next);
    await previous;
    return release;
  };
}

function lockAware(adapter: Adapter): Adapter {
  // The adapter keeps its better-sqlite3 handle public; queries and transactions share it.
  const client = (adapter as unknown as { client: Database.Database }).client;
  client.pragma('busy_timeout = 0');
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  const acquire = createMutex();

  // A statement outside a transaction that found the database busy did nothing: run it again.
  adapter.queryRaw = (query) => untilNotBusy(() => queryRaw(query));
  adapter.executeRaw = (query) => untilNotBusy(() => executeRaw(query));
  // BEGIN IMMEDIATE instead of the adapter's deferred BEGIN: a transaction holds the write
  // lock before its first read, so it waits its turn instead of failing with
  // SQLITE_BUSY_SNAPSHOT when another process wrote between its read and its write.
  adapter.startTransaction = async (isolationLevel) => {
    if (isolationLevel && isolationLevel !== 'SERIALIZABLE') throw new Error(`SQLite has no ${isolationLevel} isolation`);
    const release = await acquire();
    try {
      await untilNotBusy(() => client.prepare('BEGIN IMMEDIATE').run());
    } catch (error) {
      release();
      throw error;
    }
    // Prisma itself sends COMMIT or ROLLBACK (usePhantomQuery: false) and then calls these.
    const transaction: Transaction = {
      provider: adapter.provider,
      adapterName: adapter.adapterName,
      options: { usePhantomQuery: false },
      queryRaw,
      executeRaw,
      commit: async () => release(),
      rollback: async () => release(),
    };
    return transaction;
  };
  return adapter;
}

/**
 * The one place every write goes through (web app, worker, better-auth's tables): the
 * SQLite adapter with transactions that lock up front and busy statements retried.
 */
export function withWriteLock(factory: Factory): Factory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => lockAware(await factory.connect()),
    connectToShadowDb: async () => lockAware(await factory.connectToShadowDb()),
  } as Factory;
}
