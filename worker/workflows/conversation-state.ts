import type {
  Actor,
  AgentRole,
  ApproveDraftInput,
  ConversationState,
  ConversationStatus,
  ConversationWorkflowInput,
  Parked,
  RejectDraftInput,
  ResendReplyInput,
  ReviseDraftInput,
} from '../../lib/core/contract';
import { lifecycleRefusal, type LifecycleAction } from '../../lib/core/conversation/lifecycle';
import type { VariantLabel } from '../../lib/core/ab/variants';
import { DECISION_REFUSALS, type DecisionRefusal } from '../../lib/core/decisions/refusals';

export type PendingDecision = (
  | { kind: 'approve'; input: ApproveDraftInput; updateId: string }
  | { kind: 'reject'; input: RejectDraftInput; updateId: string }
  | { kind: 'revise'; input: ReviseDraftInput; updateId: string }
  | { kind: 'cancel'; actor: Actor; updateId: string }
) & {
  /** Set once the decision (an approval's edited text with it) is stored: only then may it be acted on. */
  recorded?: boolean;
};

/** An agent's own reply or a confirmed resend, accepted by an update and waiting to be sent. */
export interface AgentAction {
  kind: 'compose' | 'resend';
  draftVersion: number;
  updateId: string;
  /** Stored (draft row, audit, timeline): only then may it be sent. */
  recorded: boolean;
}

/** A reply whose send ended uncertain (`sending`) or refused (`failed`), until resent. */
export interface FailedSend {
  draftVersion: number;
  ledgerStatus: ResendReplyInput['confirmedLedgerStatus'];
}

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
  /** Set when actorsChangedSignal delivered a roster: newer than one a bare run read at its start. */
  rosterSignalled = false;
  /** Manual replies and resends are possible (false in runs of older code, which replay without them). */
  agentReplies = false;
  /**
   * A decision is acted on only once it is stored (false in runs of older code, whose slower
   * remote writes happened to finish first, and which replay without the wait).
   */
  decisionsWaitForRecord = false;
  /** Queued by composeReply / resendReply; the workflow sends it at its next step. */
  agentAction: AgentAction | undefined;
  /** True while a reply is being handed to SMTP: nothing else may start sending. */
  sending = false;
  failedSend: FailedSend | undefined;
  /** The draft Claude could not finish (refused, cut off): a manual reply replaces it. */
  unusableDraftVersion: number | undefined;
  /** Close, reopen, snooze and waiting on the customer are possible (false in runs of older code). */
  lifecycle = false;
  /** Closed, snoozed or waiting on the customer by people; the idle wait honours it. */
  parked: Parked | undefined;
  /** Counts lifecycle changes, so the idle wait wakes to re-arm its timers. */
  lifecycleChanges = 0;
  /** What the open hold is for: an automatic send, or an agent's send in its undo window. */
  holdKind: 'auto_send' | 'undo' = 'auto_send';
  /** An accepted undo of the send in its window; acted on once stored. */
  undo: { draftVersion: number; recorded: boolean } | undefined;
  /** The sides of an A/B draft an agent may pick between (draft-variants.ts). */
  abVariants: { draftVersion: number; labels: VariantLabel[] } | undefined;
  /** Status changes and assignments upsert search attributes (false in runs of older code). */
  searchAttributes = false;
  /** The stored send decision whose reasons a review shows (runs with the ids-not-text patch hold its id, not its text). */
  reasonDecisionId: string | undefined;

  constructor(input: ConversationWorkflowInput) {
    this.conversationId = input.conversationId;
    this.queue = [...(input.pendingMessageIds ?? [])];
    this.seen = [...(input.seenMessageIds ?? [])];
    this.lastDraftVersion = input.lastDraftVersion ?? 0;
    this.status = input.status ?? 'received';
    // A bare run (no policy given) refuses everyone until it has read its roster.
    this.actors = input.actors ?? (input.policy ? undefined : {});
    this.failedSend = input.failedSend;
    this.parked = input.parked;
  }

  /**
   * Why a lifecycle action cannot apply now, or undefined. Only a conversation at rest (no
   * message or reply in flight, no draft open) may be closed, snoozed or marked waiting.
   */
  lifecycleRefusal(action: LifecycleAction, actor: Actor, until?: string, now = Date.now()): DecisionRefusal | undefined {
    const refuse = (message: string): DecisionRefusal => ({ type: DECISION_REFUSALS.lifecycleNotAllowed, message });
    if (!this.lifecycle) return { type: DECISION_REFUSALS.replyUnsupported, message: 'this conversation runs an older workflow version' };
    const actorRefusal = this.actorRefusal(actor);
    if (actorRefusal) return actorRefusal;
    if (this.sending || this.agentAction) return refuse('a reply is being sent right now');
    if (this.queue.length > 0) return refuse('a new customer message is being processed');
    const reason = lifecycleRefusal(action, this.status, { until, now });
    return reason ? refuse(reason) : undefined;
  }

  /** Why an undo of `draftVersion` cannot be taken now (its window is over, or there is none). */
  undoRefusal(draftVersion: number, actor: Actor): DecisionRefusal | undefined {
    const actorRefusal = this.actorRefusal(actor);
    if (actorRefusal) return actorRefusal;
    if (this.phase !== 'hold' || this.holdKind !== 'undo' || this.openDraftVersion !== draftVersion || this.undo) {
      return { type: DECISION_REFUSALS.undoTooLate, message: `version ${draftVersion} is not waiting in an undo window; the reply is being sent or was sent` };
    }
    return undefined;
  }

  /** Whether the acting user may act on this conversation at all, by the roster. */
  actorRefusal(actor: Actor): DecisionRefusal | undefined {
    const rosterRole = this.actors === undefined ? actor.role : this.actors[actor.id];
    if (!actor.id || !rosterRole || !ROLES.has(rosterRole)) {
      return { type: DECISION_REFUSALS.actorNotAllowed, message: 'the acting user is unknown or has no support role' };
    }
    return undefined;
  }

  /**
   * Why an agent's own reply (or a resend) cannot be queued now, or undefined. Allowed in any
   * state except while a reply is being sent or another action is waiting: with no draft,
   * after a reject, after Claude failed, during a hold or a review, even while Claude works.
   */
  replyRefusal(actor: Actor): DecisionRefusal | undefined {
    if (!this.agentReplies) return { type: DECISION_REFUSALS.replyUnsupported, message: 'this conversation runs an older workflow version' };
    const actorRefusal = this.actorRefusal(actor);
    if (actorRefusal) return actorRefusal;
    if (this.sending) return { type: DECISION_REFUSALS.replyBusy, message: 'a reply is being sent right now' };
    if (this.agentAction) return { type: DECISION_REFUSALS.replyBusy, message: 'another reply is already on its way' };
    if (this.decision && this.decision.kind !== 'cancel') return { type: DECISION_REFUSALS.replyBusy, message: 'a decision on the draft is being applied' };
    if (this.phase === 'hold' && this.holdKind === 'undo') return { type: DECISION_REFUSALS.replyBusy, message: 'a reply is about to be sent; undo it first' };
    return undefined;
  }

  resendRefusal(input: ResendReplyInput): DecisionRefusal | undefined {
    const refusal = this.replyRefusal(input.actor);
    if (refusal) return refusal;
    if (input.confirmedLedgerStatus !== 'sending' && input.confirmedLedgerStatus !== 'failed') {
      return { type: DECISION_REFUSALS.resendNotConfirmed, message: 'confirm what the outbox shows before resending' };
    }
    if (this.failedSend?.draftVersion !== input.draftVersion) {
      return { type: DECISION_REFUSALS.nothingToResend, message: `version ${input.draftVersion} has no failed or uncertain send` };
    }
    return undefined;
  }

  /** The draft a manual reply sets aside, if one is open or Claude left one unusable. */
  replaceableDraftVersion(): number | undefined {
    if (this.phase !== 'idle' && this.openDraftVersion !== undefined) return this.openDraftVersion;
    return this.status === 'needs_person' ? this.unusableDraftVersion : undefined;
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
    const actorRefusal = this.actorRefusal(actor);
    if (actorRefusal) return actorRefusal;
    if (this.supersededVersions.has(draftVersion)) {
      return refuse(DECISION_REFUSALS.superseded, `draft version ${draftVersion} was superseded by a new customer message`);
    }
    if (
      this.decidedVersions.has(draftVersion) ||
      (this.decision && this.openDraftVersion === draftVersion) ||
      (this.agentAction?.kind === 'compose' && this.openDraftVersion === draftVersion)
    ) {
      return refuse(DECISION_REFUSALS.alreadyDecided, `draft version ${draftVersion} was already decided`);
    }
    // After "already decided": a colleague deciding the version in its undo window is told that.
    if (this.phase === 'hold' && this.holdKind === 'undo') {
      return refuse(DECISION_REFUSALS.notCurrent, 'an agent’s send of this conversation is in its undo window');
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
      awaitingDecision: (this.phase === 'review' || (this.phase === 'hold' && this.holdKind === 'auto_send')) && this.decision === undefined,
      autoSendHoldUntil: this.phase === 'hold' && this.holdKind === 'auto_send' ? this.holdUntil : undefined,
      ...(this.phase === 'hold' && this.holdKind === 'undo' ? { undoUntil: this.holdUntil } : {}),
      pendingMessages: this.queue.length,
      processedMessages: this.processed,
      needsPerson: this.status === 'needs_person',
      failedSendVersion: this.failedSend?.draftVersion,
      ...(this.parked?.until ? { snoozedUntil: this.parked.until } : {}),
    };
  }
}
