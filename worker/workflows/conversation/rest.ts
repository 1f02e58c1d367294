import * as wf from '@temporalio/workflow';
import type { Flow } from './flow';
import { upsertStatus } from './search-attributes';

/**
 * The wait between customer messages. True when work arrived (a customer message, an agent's
 * own reply); false when the conversation closed for good after the idle timeout.
 *
 * With the lifecycle patch, people may park the conversation meanwhile: closed, snoozed or
 * waiting on the customer. Every change re-arms the wait. A customer's message wakes any of
 * them (a closed conversation reopens by answering it); a timed snooze also wakes at its time,
 * back to the status it had. Waiting for a person (Claude failed, a send failed) has no idle
 * timeout unless people parked it: nothing may end unanswered by accident.
 */
export async function restUntilWork(flow: Flow): Promise<boolean> {
  const { memory, patches, policy } = flow;
  const hasWork = () => memory.queue.length > 0 || flow.agentActionWaiting();
  const idleMs = policy.idleCloseHours * 3_600_000;
  const waitsForPerson = () => patches.needsPerson && (memory.status === 'needs_person' || memory.status === 'failed');

  if (!patches.lifecycle) {
    const arrived = waitsForPerson() ? (await wf.condition(hasWork), true) : await wf.condition(hasWork, idleMs);
    if (!arrived) await flow.setStatus('closed', { reason: `No customer reply for ${policy.idleCloseHours} hours` });
    return arrived;
  }

  for (;;) {
    const seen = memory.lifecycleChanges;
    const parked = memory.parked;
    const woken = () => hasWork() || memory.lifecycleChanges !== seen;
    const snoozeMs = parked?.until !== undefined ? Math.max(Date.parse(parked.until) - Date.now(), 1) : undefined;
    const timeoutMs = snoozeMs ?? (!parked && waitsForPerson() ? undefined : idleMs);
    const arrived = timeoutMs === undefined ? (await wf.condition(woken), true) : await wf.condition(woken, timeoutMs);
    if (hasWork()) {
      // The customer wrote (or an agent replied): parked or not, the conversation is open again.
      memory.parked = undefined;
      return true;
    }
    if (arrived) continue; // people changed the lifecycle: wait again on the new terms
    if (parked?.until !== undefined) {
      memory.parked = undefined;
      memory.status = parked.resumeStatus;
      memory.statusReason = 'The snooze ended';
      await flow.db.recordLifecycle({
        conversationId: memory.conversationId,
        action: 'snooze_ended',
        status: parked.resumeStatus,
        reason: memory.statusReason,
        idempotencyKey: `snooze-ended:${parked.until}`,
      });
      upsertStatus(memory);
      continue;
    }
    if (memory.status !== 'closed') await flow.setStatus('closed', { reason: `No customer reply for ${policy.idleCloseHours} hours` });
    return false;
  }
}
