import * as wf from '@temporalio/workflow';
import { escalationWorkflow } from '../escalation';
import { model, type Flow, type Outcome } from './flow';
import { runModelStep } from './model-step';
import { storedReason } from './route-by-ids';

/**
 * The human gate: the draft waits for an agent's decision (approve, edit, reject, revise) or
 * their own reply. The review SLA's timeout branch escalates once (a child workflow notifies)
 * and keeps waiting; a revision drafts again and waits on the new version.
 */
export async function waitForPeople(flow: Flow, firstVersion: number, routingReasons: string[]): Promise<Outcome> {
  const { memory, patches, policy } = flow;
  let draftVersion = firstVersion;
  let escalated = false;
  const slaMs = policy.reviewSlaMinutes * 60_000;
  const slaDueAt = new Date(Date.now() + slaMs).toISOString();
  for (;;) {
    memory.phase = 'review';
    memory.openDraftVersion = draftVersion;
    const reason = memory.statusReason ?? routingReasons.join('; ');
    await flow.setStatus(escalated ? 'escalated' : 'awaiting_approval', { reason, slaDueAt, ...storedReason(memory, reason) });
    const ready = () => memory.decision !== undefined || memory.queue.length > 0 || flow.agentActionWaiting();
    if (escalated) {
      await wf.condition(ready);
    } else {
      const remaining = Date.parse(slaDueAt) - Date.now();
      const decidedInTime = remaining > 0 && (await wf.condition(ready, remaining));
      if (!decidedInTime) {
        // SLA timeout branch: escalate once, then keep waiting for the decision.
        escalated = true;
        await wf.startChild(escalationWorkflow, {
          workflowId: `${memory.conversationId}-escalation-v${draftVersion}`,
          args: [{ conversationId: memory.conversationId, draftVersion, waitedMinutes: policy.reviewSlaMinutes }],
          parentClosePolicy: 'ABANDON',
        });
        continue;
      }
    }
    // The send reads the approved text from the store: wait until the decision is in it.
    if (patches.localMirror) await wf.condition(() => memory.decision === undefined || memory.decision.recorded === true);
    if (patches.localMirror && memory.decision === undefined && memory.queue.length === 0 && !flow.agentActionWaiting()) continue;
    if (flow.agentActionWaiting() && memory.decision === undefined) return 'taken_over';
    if (memory.decision === undefined) return 'superseded';
    const decision = memory.decision;
    memory.decision = undefined;
    memory.phase = 'idle';
    if (decision.kind === 'approve') return 'send';
    if (decision.kind === 'reject') return 'rejected';
    if (decision.kind !== 'revise') continue;

    await flow.setStatus('drafting', { reason: 'Revising as the agent asked' });
    const nextVersion = ++memory.lastDraftVersion;
    const revised = await runModelStep(flow, 'revise', `revise:v${nextVersion}`, () =>
      model.draftReply({
        conversationId: memory.conversationId,
        draftVersion: nextVersion,
        revision: { instructions: decision.input.instructions, instructionsId: decision.input.instructionsId, previousVersion: draftVersion },
      }),
    );
    if ('stopped' in revised) return revised.stopped;
    draftVersion = revised.value.draftVersion;
    if (patches.needsPerson && revised.value.unusable) {
      memory.unusableDraftVersion = draftVersion;
      const { failureType, reason } = revised.value.unusable;
      return flow.handToPerson('revise', { type: failureType, reason }, `revise:v${draftVersion}`);
    }
    memory.statusReason = 'Revised draft awaiting review';
    if (memory.queue.length > 0) {
      memory.openDraftVersion = draftVersion;
      return 'superseded';
    }
  }
}
