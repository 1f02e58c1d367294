import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities';
import {
  actorsChangedSignal,
  composeReplyUpdate,
  resendReplyUpdate,
  type ApproveDraftInput,
  type CancelAutoSendInput,
  type ComposeReplyInput,
  type ReplyResult,
  type ResendReplyInput,
  type RejectDraftInput,
  type ReviseDraftInput,
  approveDraftUpdate,
  cancelAutoSendUpdate,
  getConversationStateQuery,
  inboundMessageSignal,
  rejectDraftUpdate,
  reviseDraftUpdate,
  undoSendUpdate,
  type UndoSendInput,
  type UndoSendResult,
  type Actor,
  type DecisionResult,
} from '../../lib/core/contract';
import { DECISION_LIMITS } from '../../lib/core/decisions/limits';
import { DECISION_REFUSALS, type DecisionRefusal } from '../../lib/core/decisions/refusals';
import { dbActivity } from './activity-options';
import type { AgentAction, ConversationMemory, PendingDecision } from './conversation-state';
import { registerLifecycleHandlers } from './conversation/lifecycle-handlers';
import { variantPickRefusal } from './conversation/variant-pick';

const { recordDecision, recordManualReply, recordResendRequest, recordSendUndone } = wf.proxyActivities<Activities>(dbActivity);

/** Refuses the update with a typed failure: the web maps the type, never the message. */
function refuse(refusal: DecisionRefusal): never {
  throw wf.ApplicationFailure.create({ type: refusal.type, message: refusal.message, nonRetryable: true });
}

function requireText(value: string, what: string, max: number): void {
  if (value.trim().length === 0) refuse({ type: DECISION_REFUSALS.invalidInput, message: `${what} must not be empty` });
  if (value.length > max) refuse({ type: DECISION_REFUSALS.invalidInput, message: `${what} is longer than ${max} characters` });
}

/** The web stores the text and sends its id (lib/core/decisions/agent-text.ts); older web code sent the text. */
function requireTextOrId(text: string | undefined, id: string | undefined, what: string, max: number): void {
  if (id === undefined) return requireText(text ?? '', what, max);
  if (!/^[\w-]{1,100}$/.test(id)) refuse({ type: DECISION_REFUSALS.invalidInput, message: `${what} was not stored` });
}

/**
 * Registers the signals, the query, the four decision updates, the two reply updates (an
 * agent's own reply, a confirmed resend) and the lifecycle updates (lifecycle-handlers.ts).
 * A handler marks its decision or action before its first await, so a second click or a
 * second agent is refused by the validator.
 */
export function registerHandlers(memory: ConversationMemory): void {
  wf.setHandler(inboundMessageSignal, ({ messageId }) => memory.enqueue(messageId));
  wf.setHandler(actorsChangedSignal, ({ actors }) => {
    memory.actors = actors;
    memory.rosterSignalled = true;
  });
  wf.setHandler(getConversationStateQuery, () => memory.snapshot());
  registerLifecycleHandlers(memory);

  const decide = async (decision: PendingDecision, draftVersion: number, actor: Actor): Promise<DecisionResult> => {
    memory.decision = decision;
    // A cancelled hold sends the same version to review, where it can still be decided.
    if (decision.kind !== 'cancel') memory.decidedVersions.add(draftVersion);
    const kind = decision.kind === 'cancel' ? 'cancel_hold' : decision.kind;
    try {
      await recordDecision({
        conversationId: memory.conversationId,
        draftVersion,
        kind,
        actor,
        idempotencyKey: decision.updateId,
        editedBody: decision.kind === 'approve' ? decision.input.editedBody : undefined,
        variant: decision.kind === 'approve' ? decision.input.variant : undefined,
        reason: decision.kind === 'reject' ? decision.input.reason : undefined,
        instructions: decision.kind === 'revise' ? decision.input.instructions : undefined,
        editedBodyId: decision.kind === 'approve' ? decision.input.editedBodyId : undefined,
        reasonId: decision.kind === 'reject' ? decision.input.reasonId : undefined,
        instructionsId: decision.kind === 'revise' ? decision.input.instructionsId : undefined,
      });
      decision.recorded = true;
    } catch (error) {
      // Not stored, so not made: the draft is open again and the agent sees the update fail.
      if (memory.decisionsWaitForRecord && memory.decision === decision) {
        memory.decision = undefined;
        if (decision.kind !== 'cancel') memory.decidedVersions.delete(draftVersion);
      }
      throw error;
    }
    const outcome = ({ approve: 'approved', reject: 'rejected', revise: 'revision_requested', cancel: 'auto_send_cancelled' } as const)[
      decision.kind
    ];
    return { conversationId: memory.conversationId, draftVersion, outcome };
  };

  /** Runs the store write of an agent action; the action is sendable only once it is stored. */
  const recorded = async (action: AgentAction, write: () => Promise<void>): Promise<void> => {
    try {
      await write();
      action.recorded = true;
    } catch (error) {
      if (memory.agentAction === action) memory.agentAction = undefined;
      throw error;
    }
  };

  const updateId = () => wf.currentUpdateInfo()?.id ?? `${memory.conversationId}:${wf.uuid4()}`;
  const check = (draftVersion: number, actor: Actor, phase: 'review' | 'hold') => {
    const refusal = memory.refusal(draftVersion, actor, phase);
    if (refusal) refuse(refusal);
  };

  wf.setHandler(approveDraftUpdate, (input) => decide({ kind: 'approve', input, updateId: updateId() }, input.draftVersion, input.actor), {
    validator: (input: ApproveDraftInput) => {
      check(input.draftVersion, input.actor, 'review');
      if (input.editedBody !== undefined || input.editedBodyId !== undefined) requireTextOrId(input.editedBody, input.editedBodyId, 'The edited reply', DECISION_LIMITS.editedBody);
      const variantRefusal = variantPickRefusal(memory, input.draftVersion, input.variant);
      if (variantRefusal) refuse({ type: DECISION_REFUSALS.invalidInput, message: variantRefusal });
    },
  });
  wf.setHandler(rejectDraftUpdate, (input) => decide({ kind: 'reject', input, updateId: updateId() }, input.draftVersion, input.actor), {
    validator: (input: RejectDraftInput) => {
      check(input.draftVersion, input.actor, 'review');
      requireTextOrId(input.reason, input.reasonId, 'The rejection reason', DECISION_LIMITS.reason);
    },
  });
  wf.setHandler(reviseDraftUpdate, (input) => decide({ kind: 'revise', input, updateId: updateId() }, input.draftVersion, input.actor), {
    validator: (input: ReviseDraftInput) => {
      check(input.draftVersion, input.actor, 'review');
      requireTextOrId(input.instructions, input.instructionsId, 'The revision instructions', DECISION_LIMITS.instructions);
    },
  });
  wf.setHandler(
    composeReplyUpdate,
    async (input): Promise<ReplyResult> => {
      const replaced = memory.replaceableDraftVersion();
      if (replaced !== undefined) memory.decidedVersions.add(replaced);
      const draftVersion = ++memory.lastDraftVersion;
      const id = updateId();
      const action = (memory.agentAction = { kind: 'compose', draftVersion, updateId: id, recorded: false });
      await recorded(action, () =>
        recordManualReply({
          conversationId: memory.conversationId,
          draftVersion,
          body: input.body,
          bodyId: input.bodyId,
          actor: input.actor,
          idempotencyKey: id,
          replacedDraftVersion: replaced,
        }),
      );
      return { conversationId: memory.conversationId, draftVersion, outcome: 'reply_queued' };
    },
    {
      validator: (input: ComposeReplyInput) => {
        const refusal = memory.replyRefusal(input.actor);
        if (refusal) refuse(refusal);
        requireTextOrId(input.body, input.bodyId, 'The reply', DECISION_LIMITS.editedBody);
      },
    },
  );
  wf.setHandler(
    resendReplyUpdate,
    async (input): Promise<ReplyResult> => {
      const id = updateId();
      const action = (memory.agentAction = { kind: 'resend', draftVersion: input.draftVersion, updateId: id, recorded: false });
      await recorded(action, () =>
        recordResendRequest({
          conversationId: memory.conversationId,
          draftVersion: input.draftVersion,
          actor: input.actor,
          confirmedLedgerStatus: input.confirmedLedgerStatus,
          idempotencyKey: id,
        }),
      );
      return { conversationId: memory.conversationId, draftVersion: input.draftVersion, outcome: 'resend_queued' };
    },
    {
      validator: (input: ResendReplyInput) => {
        const refusal = memory.resendRefusal(input);
        if (refusal) refuse(refusal);
      },
    },
  );
  wf.setHandler(
    undoSendUpdate,
    async (input): Promise<UndoSendResult> => {
      const undo: NonNullable<ConversationMemory['undo']> = { draftVersion: input.draftVersion, recorded: false };
      memory.undo = undo;
      try {
        await recordSendUndone({ conversationId: memory.conversationId, draftVersion: input.draftVersion, actor: input.actor, idempotencyKey: updateId() });
        undo.recorded = true;
      } catch (error) {
        // Not stored, so not undone: the send goes ahead and the agent sees the update fail.
        if (memory.undo === undo) memory.undo = undefined;
        throw error;
      }
      memory.statusReason = 'The agent undid the send; the draft is back for review';
      return { conversationId: memory.conversationId, draftVersion: input.draftVersion, outcome: 'send_undone' };
    },
    {
      validator: (input: UndoSendInput) => {
        const refusal = memory.undoRefusal(input.draftVersion, input.actor);
        if (refusal) refuse(refusal);
      },
    },
  );
  wf.setHandler(
    cancelAutoSendUpdate,
    (input) => decide({ kind: 'cancel', actor: input.actor, updateId: updateId() }, input.draftVersion, input.actor),
    { validator: (input: CancelAutoSendInput) => check(input.draftVersion, input.actor, 'hold') },
  );
}
