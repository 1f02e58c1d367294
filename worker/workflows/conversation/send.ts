import * as wf from '@temporalio/workflow';
import { PERMANENT_DELIVERY_FAILURE } from '../../../lib/core/failures';
import { smtp, type Flow } from './flow';
import { undoWindow } from './undo-window';

/**
 * Hands one draft version to SMTP through the send ledger (an idempotency key per version, so
 * a retry never mails twice). An automatic send records its decision first. A send that ended
 * uncertain or failed waits for an agent's confirmed resend.
 */
export async function sendDraft(flow: Flow, draftVersion: number, auto: boolean, resend = false): Promise<void> {
  const { memory } = flow;
  // With folded sending, the auto-send's decision write mirrors the status `sending` too.
  const folded = auto && flow.patches.foldedSending;
  const sendingFacts = auto
    ? await flow.db.recordDecision({
        conversationId: memory.conversationId,
        draftVersion,
        kind: 'auto_send',
        idempotencyKey: `${memory.conversationId}:v${draftVersion}:auto_send`,
        ...(folded ? { sending: true as const } : {}),
      })
    : undefined;
  memory.sending = true;
  try {
    if (folded && sendingFacts) flow.statusWritten('sending', sendingFacts);
    else await flow.setStatus('sending');
    const result = await smtp.sendReply({ conversationId: memory.conversationId, draftVersion, auto, ...(resend ? { resend } : {}) });
    if (result.status === 'uncertain') {
      memory.failedSend = { draftVersion, ledgerStatus: 'sending' };
      await flow.setStatus('failed', {
        reason: 'A worker stopped while this reply was being handed to SMTP; check the outbox before resending',
      });
    } else {
      memory.failedSend = undefined;
      await flow.setStatus('sent');
    }
  } catch (error) {
    if (!(error instanceof wf.ActivityFailure)) throw error;
    const cause = error.cause;
    const permanent = cause instanceof wf.ApplicationFailure && cause.type === PERMANENT_DELIVERY_FAILURE;
    memory.failedSend = { draftVersion, ledgerStatus: 'failed' };
    await flow.setStatus('failed', { reason: permanent ? cause.message : `Sending failed: ${cause?.message ?? error.message}` });
  } finally {
    memory.sending = false;
  }
}

/**
 * An agent's own reply or confirmed resend: it goes out through the same send ledger. An own
 * reply waits its undo window first; the version is returned when the agent undid it.
 */
export async function sendAgentAction(flow: Flow): Promise<number | undefined> {
  const { memory } = flow;
  await wf.condition(() => memory.agentAction === undefined || memory.agentAction.recorded);
  const action = memory.agentAction;
  if (!action) return undefined;
  memory.phase = 'idle';
  memory.openDraftVersion = undefined;
  memory.unusableDraftVersion = undefined;
  try {
    if (action.kind === 'compose' && (await undoWindow(flow, action.draftVersion)) === 'undone') return action.draftVersion;
    await sendDraft(flow, action.draftVersion, false, action.kind === 'resend');
    return undefined;
  } finally {
    memory.agentAction = undefined;
  }
}
