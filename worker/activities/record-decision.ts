import { recordDecision, type RecordDecisionInput } from '../../lib/features/conversations/mirror/record-decision';
import { traceIdFor } from '../../lib/platform/observability/trace-ids';
import type { ActivityDeps } from './deps';
import { reassessTrust } from './reassess-trust';

export type { RecordDecisionInput };

/** Stores a decision (actor, audit, timeline) and reports it as a quality score. */
export function createRecordDecision(deps: ActivityDeps) {
  return async function recordDecisionActivity(input: RecordDecisionInput): Promise<void> {
    const { db, observer } = deps;
    const { basedOnMessageId, edited, editDistance, evidenceCategory } = await recordDecision(input, db);
    await reassessTrust(deps, evidenceCategory);
    const traceId = traceIdFor({ workflowId: input.conversationId, messageId: basedOnMessageId });
    const value = { approve: edited ? 'edited' : 'approved_unchanged', reject: 'rejected', revise: 'revision_requested', cancel_hold: 'auto_send_cancelled', auto_send: 'auto_sent' }[input.kind];
    observer.recordScore({ traceId, name: 'decision', value, comment: input.reason ?? input.instructions });
    if (edited && editDistance !== undefined) observer.recordScore({ traceId, name: 'edit_size', value: editDistance });
    await observer.flush();
  };
}
