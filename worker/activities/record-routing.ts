import { recordRouting, type RecordRoutingInput } from '../../lib/features/conversations/mirror/record-routing';
import type { ActivityDeps } from './deps';

export type { RecordRoutingInput };

/** Records why a draft goes to auto-send or to review, for the agent and the timeline. */
export function createRecordRouting(deps: ActivityDeps) {
  return async function recordRoutingActivity(input: RecordRoutingInput): Promise<void> {
    await recordRouting(input, deps.db);
  };
}
