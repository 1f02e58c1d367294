import type { DbClient } from '../../platform/db';

/**
 * Serialises changes to one category's autonomy across processes and machines (a demotion by
 * a worker, a manager's click on another web node): a transaction-scoped advisory lock.
 */
export async function lockCategory(category: string, tx: DbClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`countersign:autonomy:${category}`})::bigint)`;
}
