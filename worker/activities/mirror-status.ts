import { Context } from '@temporalio/activity';
import type { ConversationSearchFacts } from '../../lib/core/conversation/search-attributes';
import { readSearchFacts } from '../../lib/features/conversations/mirror/read-search-facts';
import { hasStatusEvent, setConversationStatus, type SetConversationStatusInput } from '../../lib/features/conversations/mirror/set-conversation-status';
import { setStatusReadingFacts } from '../../lib/features/conversations/mirror/set-status-reading-facts';
import { notify } from '../../lib/features/notifications/notify';
import { getStoredDecision } from '../../lib/features/sending-gate/stored-decision';
import type { ActivityDeps } from './deps';

export type MirrorStatusInput = Omit<SetConversationStatusInput, 'runId'> & {
  /** Runs with the search-attributes patch ask for what they index; older runs get nothing back. */
  searchFacts?: true;
  /** With no reason: the reasons of that stored send decision (the workflow holds its id, not its text). */
  reasonDecisionId?: string;
};

/** Mirrors the workflow's status for the dashboard. */
export function createMirrorStatus(deps: ActivityDeps) {
  return async function mirrorStatus(carried: MirrorStatusInput): Promise<ConversationSearchFacts | undefined> {
    const runId = Context.current().info.workflowExecution?.runId ?? 'standalone';
    const { reasonDecisionId, searchFacts, ...input } = carried;
    if (reasonDecisionId && !input.reason) input.reason = (await getStoredDecision({ conversationId: input.conversationId, decisionId: reasonDecisionId }, deps.db)).reasons.join('; ');
    // The common case (no event, no notice, facts wanted) is one statement.
    const plain = searchFacts && !hasStatusEvent({ ...input, runId });
    if (plain) return setStatusReadingFacts(input, deps.db);
    await setConversationStatus({ ...input, runId }, deps.db);
    if (input.status === 'needs_person' && input.needsPerson) {
      // After the status commits, and not awaited: this runs as a local activity inside a workflow
      // task, which must not wait on SMTP or a webhook. Keyed by the occurrence: a retry tells
      // nobody twice.
      void notify(
        { kind: 'needs_person', conversationId: input.conversationId, reason: input.reason ?? 'Claude could not produce a usable reply.', key: input.needsPerson.key },
        { db: deps.db, mailer: deps.mailer, mailFrom: deps.config.mailFrom },
      ).catch((error: unknown) => console.error(`needs_person notice for ${input.conversationId} failed`, error));
    }
    return searchFacts ? readSearchFacts(input.conversationId, deps.db) : undefined;
  };
}
