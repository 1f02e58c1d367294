import { recordLifecycle, type RecordLifecycleInput } from '../../lib/features/conversations/mirror/record-lifecycle';
import type { ActivityDeps } from './deps';

export type { RecordLifecycleInput };

/** Mirrors a close, reopen, snooze, wait on the customer or a snooze's end, with its timeline row. */
export function createRecordLifecycle(deps: ActivityDeps) {
  return async function recordLifecycleActivity(input: RecordLifecycleInput): Promise<void> {
    await recordLifecycle(input, deps.db);
  };
}
