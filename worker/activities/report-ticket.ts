import { captureEvalItem, evalSourceOf } from '../../lib/features/evals/capture-eval-item';
import { describeTicket, type TicketOutcome } from '../../lib/features/conversations/tickets/describe-ticket';
import { noopObserver } from '../../lib/platform/llm/observer';
import { correctionScore } from '../../lib/platform/observability/decision-scores';
import { traceIdFor } from '../../lib/platform/observability/trace-ids';
import type { ActivityDeps } from './deps';
import { loadThread } from './load-thread';

/**
 * What the observability side learns from an activity, kept out of the activities themselves:
 * the ticket (the message's LangFuse trace) when work on a message starts and when its outcome
 * is known, the agent's final text as a correction, and edits and rejects as evaluation
 * examples. Reporting never fails the activity: a reply that went out stays sent even when
 * the store or LangFuse hiccups here (it is logged instead).
 */

export async function reportTicketOpened(deps: ActivityDeps, input: { conversationId: string; messageId: string }): Promise<void> {
  if (deps.observer === noopObserver) return; // LangFuse is off: nothing to describe it to
  try {
    deps.observer.recordTicket(await describeTicket(input, deps.db));
  } catch (error) {
    warn('could not describe the ticket', error);
  }
}

export interface ReportOutcomeInput {
  conversationId: string;
  outcome: TicketOutcome;
  /** The draft as it now stands, when the caller already read it (saves reading it again). */
  draft?: ReportedDraft;
}

type ReportedDraft = { basedOnMessageId: string; aiBody: string; finalBody: string | null; origin: string };

export async function reportOutcome(deps: ActivityDeps, input: ReportOutcomeInput): Promise<void> {
  const { db, observer, config } = deps;
  try {
    const draft: ReportedDraft = input.draft ?? await db.draft.findUniqueOrThrow({
      where: { conversationId_version: { conversationId: input.conversationId, version: input.outcome.draftVersion } },
      select: { basedOnMessageId: true, aiBody: true, finalBody: true, origin: true },
    });
    const messageId = draft.basedOnMessageId;
    const traceId = traceIdFor({ workflowId: input.conversationId, messageId });
    if (observer !== noopObserver) observer.recordTicket(await describeTicket({ conversationId: input.conversationId, messageId, outcome: input.outcome }, db));
    const { outcome } = input;
    if (outcome.kind === 'sent' && (draft.origin === 'agent' || outcome.reply !== draft.aiBody)) {
      observer.recordScore(
        correctionScore({ traceId, draftVersion: outcome.draftVersion, text: outcome.reply, source: draft.origin === 'agent' ? 'agent_reply' : 'edited' }),
      );
    }
    // A model reply that went out unchanged is no evaluation example: its thread is not read for one.
    if (evalSourceOf(outcome.kind, draft)) {
      const thread = await loadThread(db, input.conversationId, messageId);
      const item = await captureEvalItem(
        { conversationId: input.conversationId, draftVersion: outcome.draftVersion, outcome: outcome.kind, thread, dataset: config.evalDataset ?? DEFAULT_EVAL_DATASET, sourceTraceId: traceId },
        db,
      );
      if (item) observer.recordDatasetItem({ datasetName: config.evalDataset ?? DEFAULT_EVAL_DATASET, ...item, sourceTraceId: traceId });
    }
  } catch (error) {
    warn('could not report the outcome', error);
  }
  await observer.flush();
}

export const DEFAULT_EVAL_DATASET = 'countersign-agent-edits';

function warn(what: string, error: unknown): void {
  console.warn(`[observability] ${what}: ${error instanceof Error ? error.message : String(error)}`);
}
