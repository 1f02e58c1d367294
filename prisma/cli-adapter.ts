import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

/**
 * Prisma 6.19's JavaScript schema engine reads PostgreSQL's catalogs through @prisma/adapter-pg,
 * which rejects the catalogs' `name` and `"char"` column types ("Column type 'name' could not
 * be deserialized", an open Prisma bug). The CLI (migrate status, db pull, migrate diff) gets
 * a pool that reports those columns as text; the application never reads them.
 */
const AS_TEXT = new Map([
  [18, 25], // "char" -> text
  [19, 25], // name -> text
  [1002, 1009], // "char"[] -> text[]
  [1003, 1009], // name[] -> text[]
]);

interface Fields {
  fields?: { dataTypeID: number }[];
}

function retype<T>(result: T): T {
  for (const field of (result as Fields).fields ?? []) field.dataTypeID = AS_TEXT.get(field.dataTypeID) ?? field.dataTypeID;
  return result;
}

const WRAPPED = Symbol('countersign.retyped');

function wrapClient(client: pg.PoolClient): pg.PoolClient {
  const marked = client as pg.PoolClient & { [WRAPPED]?: true };
  if (marked[WRAPPED]) return client;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const result = query(...args);
    return result instanceof Promise ? result.then(retype) : result;
  };
  marked[WRAPPED] = true;
  return client;
}

class CatalogReadablePool extends pg.Pool {
  // pg's own Pool.query calls connect(callback): that form must pass through untouched.
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  override connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): Promise<pg.PoolClient> | void {
    if (callback) return super.connect(callback);
    return super.connect().then(wrapClient);
  }

  override query(...args: unknown[]): never {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return (result instanceof Promise ? result.then(retype) : result) as never;
  }
}

/** A shadow database beside the main one (the stock factory points it at the main database). */
class CliPrismaPg extends PrismaPg {
  constructor(private readonly connectionString: string) {
    const pool = new CatalogReadablePool({ connectionString, allowExitOnIdle: true });
    super(pool);
    // The CLI's config loader can evaluate a second copy of `pg`, so the adapter's
    // `instanceof pg.Pool` misses our pool and it would connect to localhost:5432 instead.
    Object.assign(this, { externalPool: pool, config: pool.options });
  }

  override async connectToShadowDb() {
    const admin = new pg.Client({ connectionString: this.connectionString });
    await admin.connect();
    const name = `prisma_shadow_${crypto.randomUUID().replace(/-/g, '')}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(this.connectionString);
    url.pathname = `/${name}`;
    const shadow = await new PrismaPg(new CatalogReadablePool({ connectionString: url.toString(), allowExitOnIdle: true }), { disposeExternalPool: true }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.end();
    };
    return shadow;
  }
}

export function cliAdapter(connectionString: string): PrismaPg {
  return new CliPrismaPg(connectionString);
}
