import pg from 'pg';

export interface WaitOptions {
  timeoutMs: number;
  /** Stop waiting when the server process has exited (a taken port, a bad data directory). */
  exited?: () => boolean;
}

/** Resolves once the server accepts a login and answers a query; the error says why not. */
export async function waitForPostgres(url: string, options: WaitOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (options.exited?.()) throw new Error(`PostgreSQL exited before it accepted connections${last ? ` (${last})` : ''}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      last = (error as Error).message;
      // 28P01: wrong password; retrying cannot fix it.
      if ((error as { code?: string }).code === '28P01') throw new Error(`PostgreSQL refused the password: ${last}`);
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`PostgreSQL did not accept connections within ${options.timeoutMs / 1000}s (${last})`);
}

/** CREATE DATABASE unless it exists (a second `npm start` keeps the first one's data). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    return true;
  } finally {
    await client.end();
  }
}
