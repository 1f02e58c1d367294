import type { Connection } from '@temporalio/client';
import { missingSearchAttributes } from '../lib/platform/temporal/register-search-attributes';

/**
 * On a cluster nobody registered the search attributes on, every conversation would stall at
 * its first status change: say so at start, with where the command is. A failed check is only
 * logged (Temporal Cloud may not let a worker's key list them).
 */
export async function warnOfMissingSearchAttributes(connection: Pick<Connection, 'operatorService'>, namespace: string): Promise<void> {
  try {
    const missing = await missingSearchAttributes(connection, namespace);
    if (missing.length === 0) return;
    console.error(
      `Search attributes missing in namespace ${namespace}: ${missing.map(({ name }) => name).join(', ')}. ` +
        'Conversations stop at their next status change until they are registered: see docs/search-attributes.md.',
    );
  } catch (error) {
    console.warn(`Could not check the search attributes of namespace ${namespace}: ${(error as Error).message}`);
  }
}
