import { EnvError, type Env } from '../config/env';

/** DATABASE_URL, or a clear error: `npm start` sets it for its children, a server must be told. */
export function requireDatabaseUrl(config: Pick<Env, 'DATABASE_URL'>): string {
  if (!config.DATABASE_URL) {
    throw new EnvError(
      'DATABASE_URL is not set. `npm start` runs an embedded PostgreSQL and sets it; `npm run web`, ' +
        '`npm run worker` and the db:* scripts need postgres://user:password@host:5432/database.',
    );
  }
  return config.DATABASE_URL;
}

/** The URL with its password removed, for logs, banners and stack.json. */
export function redactDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    url.password = '';
    return url.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

/** The same server and credentials, another database on it (tests, template copies). */
export function withDatabaseName(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}
