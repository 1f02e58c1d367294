import { Context } from '@temporalio/activity';
import type { ConversationSearchFacts } from '../../lib/core/conversation/search-attributes';
import { setConversationStatus, statusEventOf, type SetConversationStatusInput } from '../../lib/features/conversations/mirror/set-conversation-status';
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
    let reasonOf = reasonDecisionId && !input.reason ? reasonDecisionId : undefined;
    // An event quotes the reason, and older runs write through Prisma: those read the stored reason first.
    if (reasonOf && (!searchFacts || statusEventOf({ ...input, runId }))) {
      input.reason = (await getStoredDecision({ conversationId: input.conversationId, decisionId: reasonOf }, deps.db)).reasons.join('; ');
      reasonOf = undefined;
    }
    // Runs that want the facts back write the status (its stored reason read in place), its event and read the facts in one statement.
    if (searchFacts) {
      const facts = await setStatusReadingFacts(input, deps.db, { event: statusEventOf({ ...input, runId }), ...(reasonOf ? { reasonDecisionId: reasonOf } : {}) });
      notifyNeedsPerson(deps, input);
      return facts;
    }
    await setConversationStatus({ ...input, runId }, deps.db);
    notifyNeedsPerson(deps, input);
    return undefined;
  };
}

/**
 * After the status commits, and not awaited: this runs as a local activity inside a workflow
 * task, which must not wait on SMTP or a webhook. Keyed by the occurrence: a retry tells nobody twice.
 */
function notifyNeedsPerson(deps: ActivityDeps, input: Omit<SetConversationStatusInput, 'runId'>): void {
  if (input.status !== 'needs_person' || !input.needsPerson) return;
  void notify(
    { kind: 'needs_person', conversationId: input.conversationId, reason: input.reason ?? 'Claude could not produce a usable reply.', key: input.needsPerson.key },
    { db: deps.db, mailer: deps.mailer, mailFrom: deps.config.mailFrom },
  ).catch((error: unknown) => console.error(`needs_person notice for ${input.conversationId} failed`, error));
}
