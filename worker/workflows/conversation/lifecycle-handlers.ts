import * as wf from '@temporalio/workflow';
import type { Activities } from '../../activities';
import {
  closeConversationUpdate,
  reopenConversationUpdate,
  snoozeConversationUpdate,
  waitOnCustomerUpdate,
  type Actor,
  type LifecycleInput,
  type LifecycleResult,
  type Parked,
  type SnoozeConversationInput,
} from '../../../lib/core/contract';
import type { LifecycleAction } from '../../../lib/core/conversation/lifecycle';
import type { DecisionRefusal } from '../../../lib/core/decisions/refusals';
import { dbActivity } from '../activity-options';
import type { ConversationMemory } from '../conversation-state';
import { upsertStatus } from './search-attributes';

const { recordLifecycle } = wf.proxyActivities<Activities>(dbActivity);

function refuse(refusal: DecisionRefusal): never {
  throw wf.ApplicationFailure.create({ type: refusal.type, message: refusal.message, nonRetryable: true });
}

const REASONS: Record<LifecycleAction, (parked: Parked | undefined) => string | undefined> = {
  close: () => 'Closed by an agent',
  reopen: () => 'Reopened by an agent',
  snooze: (parked) => (parked?.until ? 'Snoozed until a set time or the customer’s reply' : 'Snoozed until the customer replies'),
  wait_on_customer: () => 'Waiting on the customer',
};

/**
 * Close, reopen, snooze and waiting on the customer. The validator refuses what cannot apply
 * (snoozing into the past, closing twice, a draft still open); the handler changes the memory
 * before its first await, so a second click is refused, and undoes it if the store write fails:
 * nothing half-applied. The idle wait (rest.ts) re-arms on every change.
 */
export function registerLifecycleHandlers(memory: ConversationMemory): void {
  const apply = async (action: LifecycleAction, actor: Actor, parked: Parked | undefined): Promise<LifecycleResult> => {
    const before = { parked: memory.parked, status: memory.status, reason: memory.statusReason };
    const status = parked?.status ?? memory.parked?.resumeStatus ?? memory.status;
    memory.parked = parked;
    memory.status = status;
    memory.statusReason = REASONS[action](parked);
    memory.lifecycleChanges += 1;
    try {
      await recordLifecycle({
        conversationId: memory.conversationId,
        action,
        status,
        reason: memory.statusReason,
        ...(parked?.until ? { snoozedUntil: parked.until } : {}),
        actorId: actor.id,
        idempotencyKey: wf.currentUpdateInfo()?.id ?? wf.uuid4(),
      });
    } catch (error) {
      if (memory.parked === parked && memory.status === status) {
        memory.parked = before.parked;
        memory.status = before.status;
        memory.statusReason = before.reason;
        memory.lifecycleChanges += 1;
      }
      throw error;
    }
    upsertStatus(memory);
    return { conversationId: memory.conversationId, status };
  };
  const resumeStatus = () => memory.parked?.resumeStatus ?? memory.status;
  const validate = (action: LifecycleAction, input: LifecycleInput, until?: string) => {
    const refusal = memory.lifecycleRefusal(action, input.actor, until);
    if (refusal) refuse(refusal);
  };

  wf.setHandler(closeConversationUpdate, (input) => apply('close', input.actor, { status: 'closed', resumeStatus: resumeStatus() }), {
    validator: (input: LifecycleInput) => validate('close', input),
  });
  wf.setHandler(reopenConversationUpdate, (input) => apply('reopen', input.actor, undefined), {
    validator: (input: LifecycleInput) => validate('reopen', input),
  });
  wf.setHandler(
    snoozeConversationUpdate,
    (input) => apply('snooze', input.actor, { status: 'snoozed', resumeStatus: resumeStatus(), ...(input.until ? { until: new Date(input.until).toISOString() } : {}) }),
    { validator: (input: SnoozeConversationInput) => validate('snooze', input, input.until) },
  );
  wf.setHandler(waitOnCustomerUpdate, (input) => apply('wait_on_customer', input.actor, { status: 'waiting_on_customer', resumeStatus: resumeStatus() }), {
    validator: (input: LifecycleInput) => validate('wait_on_customer', input),
  });
}
