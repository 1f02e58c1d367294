import { recordSendUndone, type RecordSendUndoneInput } from '../../lib/features/conversations/mirror/record-send-undone';
import type { ActivityDeps } from './deps';

export type { RecordSendUndoneInput };

/** Returns an undone send's draft to review with the agent's text, with its timeline row and audit. */
export function createRecordSendUndone(deps: ActivityDeps) {
  return async function recordSendUndoneActivity(input: RecordSendUndoneInput): Promise<void> {
    await recordSendUndone(input, deps.db);
  };
}
