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
import type { ParkedStatus } from './conversation/lifecycle';
import type { ConversationStatus } from './conversation/statuses';
import type { AutomationPolicy } from './policy/automation-policy';
import type { Role as AgentRole } from './roles';
import type { VariantLabel } from './ab/variants';

export type { AgentRole, AutomationPolicy, ConversationStatus };

export const CONVERSATION_WORKFLOW = 'conversationWorkflow';

export interface ConversationWorkflowInput {
  conversationId: string;
  /**
   * Absent when intake starts a run bare (nothing but the store and signal-with-start on the
   * request): the run then reads the policy, the roster and the last draft version itself,
   * first thing. Carried across continue-as-new.
   */
  policy?: AutomationPolicy;
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
  /** Carried across continue-as-new: a reply whose send failed or is uncertain, waiting for a resend. */
  failedSend?: { draftVersion: number; ledgerStatus: 'sending' | 'failed' };
  /** Carried across continue-as-new: closed, snoozed or waiting on the customer, and what it wakes to. */
  parked?: Parked;
}

/** A conversation people parked (lib/core/conversation/lifecycle.ts), and the status it returns to. */
export interface Parked {
  status: ParkedStatus;
  /** A snooze's wake-up time (ISO); absent: until the customer replies. */
  until?: string;
  resumeStatus: ConversationStatus;
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

export interface AssigneeChangedSignalInput {
  /** The new owner's user id; null: unassigned. Only the search attribute follows it. */
  assigneeId: string | null;
}
export const assigneeChangedSignal = defineSignal<[AssigneeChangedSignalInput]>('assigneeChanged');

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
  /** The side of an A/B draft the agent picked (lib/core/ab/variants.ts); omitted for other drafts. */
  variant?: VariantLabel;
  /** The edited text stored by the web (lib/core/decisions/agent-text.ts): histories hold the id, not the text. */
  editedBodyId?: string;
}
export interface RejectDraftInput extends DecisionInputBase {
  /** Sent by older web code; the web now sends `reasonId`. One of the two is required. */
  reason?: string;
  reasonId?: string;
}
export interface ReviseDraftInput extends DecisionInputBase {
  /** Sent by older web code; the web now sends `instructionsId`. One of the two is required. */
  instructions?: string;
  instructionsId?: string;
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

// ---- Updates (an agent's own reply) ----------------------------------------------------

/**
 * An agent writes the reply themselves, in any state: no draft, after a reject, after Claude
 * failed, or instead of an open draft (which is then set aside). It goes out through the same
 * exactly-once send ledger as an approved draft, as a new draft version.
 */
export interface ComposeReplyInput {
  actor: Actor;
  /** Sent by older web code; the web now sends `bodyId` (the stored text). One of the two is required. */
  body?: string;
  bodyId?: string;
}

/**
 * Sends a failed or uncertain reply again. `confirmedLedgerStatus` is the outbox state the
 * agent was shown and confirmed (`sending`: a worker died mid-handover, so the customer may
 * already have it; `failed`: the relay refused it); without it the workflow refuses.
 */
export interface ResendReplyInput {
  actor: Actor;
  draftVersion: number;
  confirmedLedgerStatus: 'sending' | 'failed';
}

export interface ReplyResult {
  conversationId: string;
  draftVersion: number;
  outcome: 'reply_queued' | 'resend_queued';
}

export const composeReplyUpdate = defineUpdate<ReplyResult, [ComposeReplyInput]>('composeReply');
export const resendReplyUpdate = defineUpdate<ReplyResult, [ResendReplyInput]>('resendReply');

// ---- Updates (undo of an agent's send) --------------------------------------------------

/**
 * Takes back an agent's send (approve, edit and approve, own reply) during its undo window:
 * nothing reaches SMTP and the draft returns to review with the agent's text. Refused once
 * the window ended (the reply is being sent).
 */
export interface UndoSendInput {
  actor: Actor;
  draftVersion: number;
}

export interface UndoSendResult {
  conversationId: string;
  draftVersion: number;
  outcome: 'send_undone';
}

export const undoSendUpdate = defineUpdate<UndoSendResult, [UndoSendInput]>('undoSend');

// ---- Updates (lifecycle: close, reopen, snooze, waiting on customer) --------------------

/**
 * Parks or closes a conversation that is not waiting on a draft. A customer's new message
 * wakes any of them (a closed conversation reopens); a snooze with `until` also wakes then.
 */
export interface LifecycleInput {
  actor: Actor;
}

export interface SnoozeConversationInput extends LifecycleInput {
  /** ISO time to wake at; omitted: until the customer replies. */
  until?: string;
}

export interface LifecycleResult {
  conversationId: string;
  status: ConversationStatus;
}

export const closeConversationUpdate = defineUpdate<LifecycleResult, [LifecycleInput]>('closeConversation');
export const reopenConversationUpdate = defineUpdate<LifecycleResult, [LifecycleInput]>('reopenConversation');
export const snoozeConversationUpdate = defineUpdate<LifecycleResult, [SnoozeConversationInput]>('snoozeConversation');
export const waitOnCustomerUpdate = defineUpdate<LifecycleResult, [LifecycleInput]>('waitOnCustomer');

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
  /** Claude could not produce a usable answer; a person must write the reply. */
  needsPerson?: boolean;
  /** A reply whose send failed or is uncertain, waiting for an agent's resend. */
  failedSendVersion?: number;
  /** Set while snoozed until a time. */
  snoozedUntil?: string;
  /** Set while an agent's send waits in its undo window. */
  undoUntil?: string;
}
export const getConversationStateQuery = defineQuery<ConversationState>('getConversationState');
