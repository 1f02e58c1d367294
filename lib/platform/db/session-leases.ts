import pg from 'pg';

/**
 * Long-lived leases across every process on one database: session-level advisory locks on a
 * dedicated connection. PostgreSQL releases them when that connection ends, so a worker that
 * dies (even by SIGKILL) gives its leases up at once and another takes them at its next check.
 */
export interface SessionLeases {
  /** Takes the lease named `key` if nobody holds it; true when this process holds it now. */
  tryAcquire(key: string): Promise<boolean>;
  release(key: string): Promise<void>;
  /** Called once per lost connection: every lease this process held is gone. */
  onLost(handler: (error: Error) => void): void;
  close(): Promise<void>;
}

export function createSessionLeases(databaseUrl: string, applicationName = 'countersign-leases'): SessionLeases {
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  const held = new Set<string>();
  const lostHandlers: ((error: Error) => void)[] = [];

  const lose = (current: pg.Client, error: Error) => {
    if (client !== current) return;
    client = undefined;
    connecting = undefined;
    held.clear();
    for (const handler of lostHandlers) handler(error);
    void current.end().catch(() => undefined);
  };
  const connection = async (): Promise<pg.Client> => {
    if (client) return client;
    connecting ??= (async () => {
      const next = new pg.Client({ connectionString: databaseUrl, application_name: applicationName, connectionTimeoutMillis: 10_000, keepAlive: true });
      next.on('error', (error) => lose(next, error));
      next.on('end', () => lose(next, new Error('lease connection ended')));
      try {
        await next.connect();
      } catch (error) {
        connecting = undefined;
        throw error;
      }
      client = next;
      return next;
    })();
    return connecting;
  };
  const keyOf = 'hashtextextended($1, 0)';

  return {
    async tryAcquire(key) {
      if (held.has(key)) return true;
      const db = await connection();
      const result = await db.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${keyOf}) AS locked`, [`countersign:${key}`]);
      if (result.rows[0]?.locked) held.add(key);
      return held.has(key);
    },
    async release(key) {
      if (!held.delete(key) || !client) return;
      await client.query(`SELECT pg_advisory_unlock(${keyOf})`, [`countersign:${key}`]).catch(() => undefined);
    },
    onLost(handler) {
      lostHandlers.push(handler);
    },
    async close() {
      const current = client;
      client = undefined;
      held.clear();
      await current?.end().catch(() => undefined);
    },
  };
}
