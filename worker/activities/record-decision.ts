import { recordDecision, type RecordDecisionInput, type RecordedDecision } from '../../lib/features/conversations/mirror/record-decision';
import { recordAutoSendDecision } from '../../lib/features/conversations/mirror/record-auto-send-decision';
import { decisionScores } from '../../lib/platform/observability/decision-scores';
import { traceIdFor } from '../../lib/platform/observability/trace-ids';
import type { AgentTextRefs } from '../../lib/core/decisions/agent-text';
import { agentTexts } from './agent-texts';
import type { ActivityDeps } from './deps';
import type { ConversationSearchFacts } from '../../lib/core/conversation/search-attributes';
import { reportOutcome } from './report-ticket';
import { reassessTrust } from './reassess-trust';
import { pickVariant, reportVariantPick } from './variant-pick';

export type { RecordDecisionInput };

/** Stores a decision (actor, audit, timeline) and reports it as quality scores, one set per decision. */
export function createRecordDecision(deps: ActivityDeps) {
  return async function recordDecisionActivity(
    carried: RecordDecisionInput &
      AgentTextRefs & {
        /** The policy's own auto-send (folded-sending patch): the decision's statement also mirrors the status `sending`; its search facts come back. */
        sending?: true;
      },
  ): Promise<ConversationSearchFacts | undefined> {
    const { db, observer } = deps;
    // The workflow carries the ids of what the agent wrote; the text comes from the store.
    const input = await agentTexts(carried, db);
    const pick = await pickVariant(deps, input);
    // The policy's own auto-send (no person, no edit) is one statement; a person's decision keeps its transaction.
    const auto = input.kind === 'auto_send' && !input.actor && input.editedBody === undefined;
    const recorded: RecordedDecision & { sending?: ConversationSearchFacts } = auto ? await recordAutoSendDecision(input, db, { sending: carried.sending === true }) : await recordDecision(input, db);
    const { basedOnMessageId, edited, editDistance, evidenceCategory } = recorded;
    if (pick) await reportVariantPick(deps, input, pick, { basedOnMessageId, editDistance });
    await reassessTrust(deps, evidenceCategory);
    const traceId = traceIdFor({ workflowId: input.conversationId, messageId: basedOnMessageId });
    const comment = input.reason ?? input.instructions;
    for (const score of decisionScores({ traceId, draftVersion: input.draftVersion, kind: input.kind, edited, editSize: editDistance, comment })) {
      observer.recordScore(score);
    }
    // A reject is the message's outcome (nothing goes out); a send reports its own in sendReply.
    if (input.kind === 'reject') await reportOutcome(deps, { conversationId: input.conversationId, outcome: { kind: 'rejected', draftVersion: input.draftVersion, reason: input.reason } });
    await observer.flush();
    return recorded.sending;
  };
}
