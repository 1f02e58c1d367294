/**
 * The contract between the web app, the worker and the workflows: task queue, workflow
 * type names, every signal, update and query, and their payloads. Defined once here and
 * imported by both sides; never a string literal at a call site.
 *
 * Payloads carry ids and small structured data only: bodies and raw MIME live in the
 * database. Every payload is a single object so fields can be added without breaking
 * running executions.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ConversationStatus } from './conversation/statuses';
import type { AutomationPolicy } from './policy/automation-policy';
import type { Role as AgentRole } from './roles';

export type { AgentRole, AutomationPolicy, ConversationStatus };

export const CONVERSATION_WORKFLOW = 'conversationWorkflow';

export interface ConversationWorkflowInput {
  conversationId: string;
  policy: AutomationPolicy;
  /** Carried across continue-as-new: messages received but not yet processed. */
  pendingMessageIds?: string[];
  /** Carried across continue-as-new: where the conversation stood (e.g. sent). */
  status?: ConversationStatus;
  /** Carried across continue-as-new: the last draft version used. */
  lastDraftVersion?: number;
  /** Carried across continue-as-new: message ids already seen (signals are at-least-once). */
  seenMessageIds?: string[];
  /**
   * Who may decide, by user id (support users who are not disabled). Refreshed on running
   * workflows by actorsChangedSignal. Absent in runs started before rosters existed.
   */
  actors?: Record<string, AgentRole>;
  /** History size after which the workflow continues as new between messages (default 5,000 events). */
  continueAsNewAfterEvents?: number;
}

export interface EscalationWorkflowInput {
  conversationId: string;
  draftVersion: number;
  waitedMinutes: number;
}

// ---- Signals -------------------------------------------------------------------------

export interface InboundMessageSignalInput {
  /** The database id of a stored inbound message of this conversation. */
  messageId: string;
}
export const inboundMessageSignal = defineSignal<[InboundMessageSignalInput]>('inboundMessage');

export interface ActorsChangedSignalInput {
  /** The full roster: replaces the previous one. */
  actors: Record<string, AgentRole>;
}
export const actorsChangedSignal = defineSignal<[ActorsChangedSignalInput]>('actorsChanged');

// ---- Updates (agent decisions) -------------------------------------------------------

export interface Actor {
  id: string;
  role: AgentRole;
}

interface DecisionInputBase {
  /** The draft version the agent was looking at: a stale version is rejected. */
  draftVersion: number;
  actor: Actor;
}

export interface ApproveDraftInput extends DecisionInputBase {
  /** The agent's edited text; omitted when the draft is approved unchanged. */
  editedBody?: string;
}
export interface RejectDraftInput extends DecisionInputBase {
  reason: string;
}
export interface ReviseDraftInput extends DecisionInputBase {
  instructions: string;
}
export type CancelAutoSendInput = DecisionInputBase;

export interface DecisionResult {
  conversationId: string;
  draftVersion: number;
  outcome: 'approved' | 'rejected' | 'revision_requested' | 'auto_send_cancelled';
}

export const approveDraftUpdate = defineUpdate<DecisionResult, [ApproveDraftInput]>('approveDraft');
export const rejectDraftUpdate = defineUpdate<DecisionResult, [RejectDraftInput]>('rejectDraft');
export const reviseDraftUpdate = defineUpdate<DecisionResult, [ReviseDraftInput]>('reviseDraft');
export const cancelAutoSendUpdate = defineUpdate<DecisionResult, [CancelAutoSendInput]>('cancelAutoSend');

// ---- Queries ---------------------------------------------------------------------------

export interface ConversationState {
  conversationId: string;
  status: ConversationStatus;
  statusReason?: string;
  draftVersion?: number;
  /** Whether the current draft can still be decided by an agent. */
  awaitingDecision: boolean;
  autoSendHoldUntil?: string;
  pendingMessages: number;
  processedMessages: number;
}
export const getConversationStateQuery = defineQuery<ConversationState>('getConversationState');
