import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ConversationWorkflowInput } from '../../lib/core/contract';
import { PERMANENT_DELIVERY_FAILURE } from '../../lib/core/failures';
import { dbActivity, modelActivity, smtpActivity } from './activity-options';
import { ConversationMemory } from './conversation-state';
import { escalationWorkflow } from './escalation';
import { registerHandlers } from './handlers';
import { routeDraft } from '../../lib/core/policy/route-draft';

const db = wf.proxyActivities<Activities>(dbActivity);
const model = wf.proxyActivities<Activities>(modelActivity);
const smtp = wf.proxyActivities<Activities>(smtpActivity);

type Outcome = 'send' | 'review' | 'rejected' | 'superseded';

/** Continue-as-new well before Temporal's history limits; long threads keep going. */
const DEFAULT_HISTORY_EVENTS_LIMIT = 5_000;

/**
 * One conversation (email thread): classify and draft each customer message, then either
 * auto-send after a cancellable hold or wait for an agent, and send the reply exactly once.
 */
export async function conversationWorkflow(input: ConversationWorkflowInput): Promise<void> {
  const memory = new ConversationMemory(input);
  const { policy } = input;
  registerHandlers(memory);

  const setStatus = async (
    status: typeof memory.status,
    extra: { reason?: string; slaDueAt?: string; holdUntil?: string; draftVersion?: number } = {},
  ) => {
    memory.status = status;
    memory.statusReason = extra.reason;
    await db.mirrorStatus({ conversationId: memory.conversationId, status, ...extra });
  };

  /** A newer customer message replaces whatever draft is open. */
  const supersede = async (draftVersion: number) => {
    memory.supersededVersions.add(draftVersion);
    memory.phase = 'idle';
    memory.openDraftVersion = undefined;
    await db.markDraftSuperseded({ conversationId: memory.conversationId, draftVersion, byMessageId: memory.queue.at(-1) ?? '' });
  };

  const holdForAutoSend = async (draftVersion: number): Promise<Outcome> => {
    const holdUntil = new Date(Date.now() + policy.holdSeconds * 1000).toISOString();
    memory.phase = 'hold';
    memory.holdUntil = holdUntil;
    await setStatus('auto_send_hold', { holdUntil, draftVersion, reason: 'Sends automatically unless an agent cancels' });
    const interrupted = await wf.condition(
      () => memory.decision?.kind === 'cancel' || memory.queue.length > 0,
      policy.holdSeconds * 1000,
    );
    memory.phase = 'idle';
    if (memory.queue.length > 0) return 'superseded';
    if (interrupted) {
      memory.decision = undefined;
      memory.statusReason = 'An agent cancelled the auto-send';
      return 'review';
    }
    // The hold ran out: ask the live settings (kill switch, hourly caps) before sending.
    const gate = await db.authorizeAutoSend({ conversationId: memory.conversationId, draftVersion });
    if (!gate.allowed) {
      memory.statusReason = gate.reasons.join('; ');
      return 'review';
    }
    return 'send';
  };

  const awaitAgent = async (firstVersion: number, routingReasons: string[]): Promise<Outcome> => {
    let draftVersion = firstVersion;
    let escalated = false;
    const slaMs = policy.reviewSlaMinutes * 60_000;
    const slaDueAt = new Date(Date.now() + slaMs).toISOString();
    for (;;) {
      memory.phase = 'review';
      memory.openDraftVersion = draftVersion;
      await setStatus(escalated ? 'escalated' : 'awaiting_approval', {
        reason: memory.statusReason ?? routingReasons.join('; '),
        slaDueAt,
      });
      const ready = () => memory.decision !== undefined || memory.queue.length > 0;
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
      if (memory.decision === undefined) return 'superseded';
      const decision = memory.decision;
      memory.decision = undefined;
      memory.phase = 'idle';
      if (decision.kind === 'approve') return 'send';
      if (decision.kind === 'reject') return 'rejected';
      if (decision.kind !== 'revise') continue;
      await setStatus('drafting', { reason: 'Revising as the agent asked' });
      const revised = await model.draftReply({
        conversationId: memory.conversationId,
        draftVersion: ++memory.lastDraftVersion,
        revision: { instructions: decision.input.instructions, previousVersion: draftVersion },
      });
      draftVersion = revised.draftVersion;
      memory.statusReason = 'Revised draft awaiting review';
      if (memory.queue.length > 0) {
        memory.openDraftVersion = draftVersion;
        return 'superseded';
      }
    }
  };

  const send = async (draftVersion: number, auto: boolean) => {
    if (auto) {
      await db.recordDecision({
        conversationId: memory.conversationId,
        draftVersion,
        kind: 'auto_send',
        idempotencyKey: `${memory.conversationId}:v${draftVersion}:auto_send`,
      });
    }
    await setStatus('sending');
    try {
      const result = await smtp.sendReply({ conversationId: memory.conversationId, draftVersion, auto });
      if (result.status === 'uncertain') {
        await setStatus('failed', {
          reason: 'A worker stopped while this reply was being handed to SMTP; check the outbox before resending',
        });
      } else {
        await setStatus('sent');
      }
    } catch (error) {
      if (!(error instanceof wf.ActivityFailure)) throw error;
      const cause = error.cause;
      const permanent = cause instanceof wf.ApplicationFailure && cause.type === PERMANENT_DELIVERY_FAILURE;
      await setStatus('failed', { reason: permanent ? cause.message : `Sending failed: ${cause?.message ?? error.message}` });
    }
  };

  /** Classify and draft the newest customer message, then route, hold or wait, and send. */
  const processNewest = async (messageId: string, screeningFlags: string[]) => {
    await setStatus('classifying');
    const classification = await model.classifyMessage({ conversationId: memory.conversationId, messageId });
    if (memory.queue.length > 0) return; // a newer message arrived: classify that one instead
    await setStatus('drafting');
    const draft = await model.draftReply({
      conversationId: memory.conversationId,
      draftVersion: ++memory.lastDraftVersion,
      messageId,
    });
    memory.openDraftVersion = draft.draftVersion;
    if (memory.queue.length > 0) return supersede(draft.draftVersion);

    const routing = routeDraft(policy, { classification, screeningFlags, draftProblems: draft.problems });
    await db.recordRouting({ conversationId: memory.conversationId, draftVersion: draft.draftVersion, ...routing });
    let outcome: Outcome = routing.route === 'auto_send' ? await holdForAutoSend(draft.draftVersion) : 'review';
    let version = draft.draftVersion;
    if (outcome === 'review') {
      outcome = await awaitAgent(draft.draftVersion, routing.reasons);
      version = memory.openDraftVersion ?? version;
    }
    memory.openDraftVersion = undefined;
    memory.phase = 'idle';
    switch (outcome) {
      case 'send':
        return send(version, routing.route === 'auto_send' && !memory.decidedVersions.has(version));
      case 'rejected':
        return setStatus('rejected', { reason: 'The agent rejected the draft; nothing was sent' });
      case 'superseded':
        return supersede(version);
      case 'review':
        return;
    }
  };

  for (;;) {
    if (memory.queue.length === 0) {
      const arrived = await wf.condition(() => memory.queue.length > 0, policy.idleCloseHours * 3_600_000);
      if (!arrived) {
        await setStatus('closed', { reason: `No customer reply for ${policy.idleCloseHours} hours` });
        break;
      }
    }
    // Record every queued message; only the newest one that a person wrote gets a reply.
    const batch = memory.queue.splice(0);
    let newest: { messageId: string; screeningFlags: string[] } | undefined;
    for (const messageId of batch) {
      const prepared = await db.prepareInboundMessage({ conversationId: memory.conversationId, messageId });
      memory.processed += 1;
      if (!prepared.automated) newest = { messageId, screeningFlags: prepared.screeningFlags };
    }
    if (newest) await processNewest(newest.messageId, newest.screeningFlags);
    else if (memory.status === 'received') await setStatus('closed', { reason: 'Automated mail: recorded, never answered' });

    const info = wf.workflowInfo();
    const historyLimit = input.continueAsNewAfterEvents ?? DEFAULT_HISTORY_EVENTS_LIMIT;
    if (memory.queue.length === 0 && (info.continueAsNewSuggested || info.historyLength > historyLimit)) {
      await wf.condition(wf.allHandlersFinished);
      await wf.continueAsNew<typeof conversationWorkflow>({
        ...input,
        pendingMessageIds: memory.queue,
        status: memory.status,
        actors: memory.actors,
        lastDraftVersion: memory.lastDraftVersion,
        seenMessageIds: memory.seen,
      });
    }
  }
  await wf.condition(wf.allHandlersFinished);
}
