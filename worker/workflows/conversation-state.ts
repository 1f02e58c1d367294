import type {
  Actor,
  AgentRole,
  ApproveDraftInput,
  ConversationState,
  ConversationStatus,
  ConversationWorkflowInput,
  RejectDraftInput,
  ReviseDraftInput,
} from '../../lib/core/contract';
import { DECISION_REFUSALS, type DecisionRefusal } from '../../lib/core/decisions/refusals';

export type PendingDecision =
  | { kind: 'approve'; input: ApproveDraftInput; updateId: string }
  | { kind: 'reject'; input: RejectDraftInput; updateId: string }
  | { kind: 'revise'; input: ReviseDraftInput; updateId: string }
  | { kind: 'cancel'; actor: Actor; updateId: string };

const SEEN_LIMIT = 500;
const ROLES = new Set(['agent', 'manager', 'admin']);

/** The workflow's memory. Plain data, mutated only by the workflow and its handlers. */
export class ConversationMemory {
  readonly conversationId: string;
  readonly queue: string[];
  readonly seen: string[];
  status: ConversationStatus;
  statusReason: string | undefined;
  lastDraftVersion: number;
  /** The draft an agent may act on, while a decision or a hold is open. */
  openDraftVersion: number | undefined;
  phase: 'idle' | 'review' | 'hold' = 'idle';
  decision: PendingDecision | undefined;
  holdUntil: string | undefined;
  processed = 0;
  readonly supersededVersions = new Set<number>();
  readonly decidedVersions = new Set<number>();
  /** Who may decide; undefined only for runs started before rosters were passed in. */
  actors: Record<string, AgentRole> | undefined;

  constructor(input: ConversationWorkflowInput) {
    this.conversationId = input.conversationId;
    this.queue = [...(input.pendingMessageIds ?? [])];
    this.seen = [...(input.seenMessageIds ?? [])];
    this.lastDraftVersion = input.lastDraftVersion ?? 0;
    this.status = input.status ?? 'received';
    this.actors = input.actors;
  }

  /** Signals are at-least-once (intake and the reconciler may both deliver). */
  enqueue(messageId: string): void {
    if (this.seen.includes(messageId)) return;
    this.seen.push(messageId);
    if (this.seen.length > SEEN_LIMIT) this.seen.splice(0, this.seen.length - SEEN_LIMIT);
    this.queue.push(messageId);
  }

  /**
   * Why a decision on `draftVersion` cannot be taken now, or undefined when it can.
   * Validators throw this refusal: the update is rejected and nothing enters history.
   */
  refusal(draftVersion: number, actor: Actor, phase: 'review' | 'hold'): DecisionRefusal | undefined {
    const refuse = (type: DecisionRefusal['type'], message: string): DecisionRefusal => ({ type, message });
    const rosterRole = this.actors === undefined ? actor.role : this.actors[actor.id];
    if (!actor.id || !rosterRole || !ROLES.has(rosterRole)) {
      return refuse(DECISION_REFUSALS.actorNotAllowed, 'the acting user is unknown or has no support role');
    }
    if (this.supersededVersions.has(draftVersion)) {
      return refuse(DECISION_REFUSALS.superseded, `draft version ${draftVersion} was superseded by a new customer message`);
    }
    if (this.decidedVersions.has(draftVersion) || (this.decision && this.openDraftVersion === draftVersion)) {
      return refuse(DECISION_REFUSALS.alreadyDecided, `draft version ${draftVersion} was already decided`);
    }
    if (this.openDraftVersion === undefined || this.phase === 'idle') {
      return refuse(DECISION_REFUSALS.notCurrent, 'no draft is waiting for a decision');
    }
    if (draftVersion !== this.openDraftVersion) {
      return refuse(DECISION_REFUSALS.notCurrent, `draft version ${draftVersion} is stale; version ${this.openDraftVersion} is current`);
    }
    if (this.phase !== phase) {
      return refuse(
        DECISION_REFUSALS.notCurrent,
        phase === 'hold' ? 'this draft is not on an auto-send hold' : 'this draft is on an auto-send hold; cancel it first',
      );
    }
    return undefined;
  }

  snapshot(): ConversationState {
    return {
      conversationId: this.conversationId,
      status: this.status,
      statusReason: this.statusReason,
      draftVersion: this.openDraftVersion ?? (this.lastDraftVersion || undefined),
      awaitingDecision: this.phase !== 'idle' && this.decision === undefined,
      autoSendHoldUntil: this.phase === 'hold' ? this.holdUntil : undefined,
      pendingMessages: this.queue.length,
      processedMessages: this.processed,
    };
  }
}
