import type { Db } from '../../platform/db/client';
import { sqlPoolOf } from '../../platform/db/client';

export interface Sql {
  text: string;
  values: unknown[];
}

/** A parameterised statement from a template: each `${value}` becomes `$n`, never text. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return { text: strings.reduce((text, part, index) => `${text}$${index}${part}`), values };
}

/**
 * Runs one of intake's statements on node-postgres directly when the client has a pool
 * (createDb's): Prisma's raw queries go through its query compiler, which cost web intake more
 * CPU than the rest of the request. Any other client (a transaction) runs it through Prisma.
 */
export async function runSql<Row>(db: Db, { text, values }: Sql): Promise<Row[]> {
  const pool = sqlPoolOf(db);
  if (pool) return (await pool.query(text, values)).rows as Row[];
  return db.$queryRawUnsafe<Row[]>(text, ...values);
}
