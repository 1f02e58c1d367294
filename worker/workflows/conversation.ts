import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ConversationWorkflowInput } from '../../lib/core/contract';
import { PERMANENT_DELIVERY_FAILURE } from '../../lib/core/failures';
import { dbActivity, dbLocalActivity, modelActivity, smtpActivity, verifyActivity } from './activity-options';
import { ConversationMemory } from './conversation-state';
import { escalationWorkflow } from './escalation';
import { registerHandlers } from './handlers';
import { modelFailureOf, type ModelFailure } from './model-failure';
import { routeDraft, type RoutingFacts } from '../../lib/core/policy/route-draft';
import { decideSend, sendFactsOf, type HeldSendFacts, type SendDecision, type SendFacts } from '../../lib/core/policy/send-decision';
import { runModelCheck } from './model-check';
import { verificationFailure } from './verification-failure';

const remoteDb = wf.proxyActivities<Activities>(dbActivity);
const localDb = wf.proxyLocalActivities<Activities>(dbLocalActivity);
const model = wf.proxyActivities<Activities>(modelActivity);
const smtp = wf.proxyActivities<Activities>(smtpActivity);
const verifier = wf.proxyActivities<Activities>(verifyActivity);

type Outcome = 'send' | 'review' | 'rejected' | 'superseded' | 'person' | 'taken_over';

/** Continue-as-new well before Temporal's history limits; long threads keep going. */
const DEFAULT_HISTORY_EVENTS_LIMIT = 5_000;

/**
 * Model failures land with a person ("Needs a person") instead of failing the workflow, and
 * agents may send their own reply or a confirmed resend at any time. Runs that started before
 * this replay their recorded histories without it.
 */
export const NEEDS_PERSON_PATCH = 'claude-edges-needs-person';

/**
 * Earned autonomy: before routing, the category's auto-send state is read live and a second,
 * independent model check reads the draft. Runs that routed before this replay without it.
 */
export const EARNED_AUTONOMY_PATCH = 'earned-autonomy';

/**
 * Database reads and mirror writes run as local activities, and a hold of zero seconds starts
 * no timer: one email takes a handful of workflow tasks instead of a round trip per write.
 * Runs that started before this replay their scheduled activities and timers unchanged.
 */
export const LOCAL_MIRROR_PATCH = 'local-mirror-writes';

/**
 * One send decision (lib/core/policy/send-decision.ts) fed by one live read, with the claims
 * screening of the draft and the check that never reads the email; it decides at routing and
 * again when the hold runs out. Runs that routed before this replay the older layers.
 */
export const SEND_DECISION_PATCH = 'one-send-decision';

/**
 * One conversation (email thread): classify and draft each customer message, then either
 * auto-send after a cancellable hold or wait for an agent, and send the reply exactly once.
 * When Claude cannot produce a usable answer the conversation waits for a person, who can
 * always write the reply themselves.
 */
export async function conversationWorkflow(input: ConversationWorkflowInput): Promise<void> {
  const memory = new ConversationMemory(input);
  const v2 = wf.patched(NEEDS_PERSON_PATCH);
  const lean = wf.patched(LOCAL_MIRROR_PATCH);
  const db = lean ? localDb : remoteDb;
  memory.agentReplies = v2;
  memory.decisionsWaitForRecord = lean;
  registerHandlers(memory);
  const policy = input.policy ?? (await loadSetup());

  /**
   * A bare run reads what intake used to pass in. A roster signalled meanwhile is newer and is
   * kept (possible when a slow read outlasts the workflow task and the signal lands first).
   */
  async function loadSetup() {
    const setup = await localDb.loadConversationSetup({ conversationId: memory.conversationId });
    if (!memory.rosterSignalled) memory.actors = setup.actors;
    memory.lastDraftVersion = Math.max(memory.lastDraftVersion, setup.lastDraftVersion);
    return setup.policy;
  }

  const agentActionWaiting = () => v2 && memory.agentAction !== undefined;

  const setStatus = async (
    status: typeof memory.status,
    extra: {
      reason?: string;
      slaDueAt?: string;
      holdUntil?: string;
      draftVersion?: number;
      needsPerson?: { key: string; stage: 'classify' | 'draft' | 'revise'; failureType: string };
    } = {},
  ) => {
    memory.status = status;
    memory.statusReason = extra.reason;
    await db.mirrorStatus({ conversationId: memory.conversationId, status, ...extra });
  };

  /**
   * Runs model work that an agent's own reply may overtake: when a manual reply arrives first,
   * the model call is cancelled (its heartbeats carry the cancellation) and its result ignored.
   */
  const unlessAgentTakesOver = async <T>(work: () => Promise<T>): Promise<{ value: T } | { takenOver: true }> => {
    if (!v2) return { value: await work() };
    if (agentActionWaiting()) return { takenOver: true };
    const workScope = new wf.CancellationScope();
    const waitScope = new wf.CancellationScope();
    const done = workScope.run(work);
    const arrived = waitScope.run(() => wf.condition(agentActionWaiting));
    try {
      const winner = await Promise.race([
        done.then((value) => ({ value })),
        arrived.then(() => ({ takenOver: true as const })),
      ]);
      if ('takenOver' in winner) {
        workScope.cancel();
        done.catch(() => undefined);
      }
      return winner;
    } finally {
      waitScope.cancel();
      arrived.catch(() => undefined);
    }
  };

  /** Claude could not produce a usable answer: a person takes over, with the reason. */
  const handToPerson = async (stage: 'classify' | 'draft' | 'revise', failure: ModelFailure, key: string): Promise<Outcome> => {
    memory.phase = 'idle';
    memory.openDraftVersion = undefined;
    await setStatus('needs_person', { reason: failure.reason, needsPerson: { key, stage, failureType: failure.type } });
    return 'person';
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
    const interruption = () => memory.decision?.kind === 'cancel' || memory.queue.length > 0 || agentActionWaiting();
    const interrupted = lean && policy.holdSeconds === 0 ? interruption() : await wf.condition(interruption, policy.holdSeconds * 1000);
    memory.phase = 'idle';
    if (agentActionWaiting()) return 'taken_over';
    if (memory.queue.length > 0) return 'superseded';
    if (interrupted) {
      memory.decision = undefined;
      memory.statusReason = 'An agent cancelled the auto-send';
      return 'review';
    }
    // The hold ran out: ask the live settings (kill switch, hourly caps) and the draft itself before sending.
    const gate = await db.authorizeAutoSend({ conversationId: memory.conversationId, draftVersion });
    if (!gate.allowed) {
      memory.statusReason = gate.reasons.join('; ');
      return 'review';
    }
    return 'send';
  };

  /**
   * The send decision on a draft, with the model checks run only when every deterministic
   * layer about the draft passed (they cost a call each and can only add a no).
   */
  const readLive = (draftVersion: number, held: HeldSendFacts) =>
    localDb.readSendFacts({ conversationId: memory.conversationId, draftVersion, ...(held.classification.ok ? { category: held.classification.category } : {}) });

  const decideDraft = async (draftVersion: number, held: HeldSendFacts) => {
    const live = await readLive(draftVersion, held);
    let facts = sendFactsOf(live, held);
    let decision = decideSend(facts);
    if (decision.runModelChecks) {
      const input = { conversationId: memory.conversationId, draftVersion };
      const checked = await unlessAgentTakesOver(() => Promise.all([runModelCheck('checkGrounding', input), runModelCheck('verifyDraft', input)]));
      if ('takenOver' in checked) return 'taken_over' as const;
      const [grounding, emailCheck] = checked.value;
      facts = sendFactsOf(live, held, { grounding, emailCheck });
      decision = decideSend(facts);
    }
    return { decision, held, checks: { grounding: facts.grounding, emailCheck: facts.emailCheck }, holdSeconds: live.policy.holdSeconds };
  };

  /** The hold of a draft the send decision let through; when it runs out the decision is taken again on live facts. */
  const holdThenDecide = async (
    draftVersion: number,
    routed: { held: HeldSendFacts; checks: Pick<SendFacts, 'grounding' | 'emailCheck'>; holdSeconds: number },
  ): Promise<Outcome> => {
    const holdUntil = new Date(Date.now() + routed.holdSeconds * 1000).toISOString();
    memory.phase = 'hold';
    memory.holdUntil = holdUntil;
    await setStatus('auto_send_hold', { holdUntil, draftVersion, reason: 'Sends automatically unless an agent cancels' });
    const interruption = () => memory.decision?.kind === 'cancel' || memory.queue.length > 0 || agentActionWaiting();
    const interrupted = routed.holdSeconds === 0 ? interruption() : await wf.condition(interruption, routed.holdSeconds * 1000);
    memory.phase = 'idle';
    if (agentActionWaiting()) return 'taken_over';
    if (memory.queue.length > 0) return 'superseded';
    if (interrupted) {
      memory.decision = undefined;
      memory.statusReason = 'An agent cancelled the auto-send';
      return 'review';
    }
    const final = decideSend(sendFactsOf(await readLive(draftVersion, routed.held), routed.held, routed.checks));
    if (!final.send) {
      memory.statusReason = final.reasons.join('; ');
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
      const ready = () => memory.decision !== undefined || memory.queue.length > 0 || agentActionWaiting();
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
      if (lean) await wf.condition(() => memory.decision === undefined || memory.decision.recorded === true);
      if (lean && memory.decision === undefined && memory.queue.length === 0 && !agentActionWaiting()) continue;
      if (agentActionWaiting() && memory.decision === undefined) return 'taken_over';
      if (memory.decision === undefined) return 'superseded';
      const decision = memory.decision;
      memory.decision = undefined;
      memory.phase = 'idle';
      if (decision.kind === 'approve') return 'send';
      if (decision.kind === 'reject') return 'rejected';
      if (decision.kind !== 'revise') continue;
      await setStatus('drafting', { reason: 'Revising as the agent asked' });
      const nextVersion = ++memory.lastDraftVersion;
      let revised;
      try {
        revised = await unlessAgentTakesOver(() =>
          model.draftReply({
            conversationId: memory.conversationId,
            draftVersion: nextVersion,
            revision: { instructions: decision.input.instructions, previousVersion: draftVersion },
          }),
        );
      } catch (error) {
        if (!v2) throw error;
        return handToPerson('revise', modelFailureOf(error), `revise:v${nextVersion}`);
      }
      if ('takenOver' in revised) return 'taken_over';
      draftVersion = revised.value.draftVersion;
      if (v2 && revised.value.unusable) {
        memory.unusableDraftVersion = draftVersion;
        return handToPerson('revise', { type: revised.value.unusable.failureType, reason: revised.value.unusable.reason }, `revise:v${draftVersion}`);
      }
      memory.statusReason = 'Revised draft awaiting review';
      if (memory.queue.length > 0) {
        memory.openDraftVersion = draftVersion;
        return 'superseded';
      }
    }
  };

  const send = async (draftVersion: number, auto: boolean, resend = false) => {
    if (auto) {
      await db.recordDecision({
        conversationId: memory.conversationId,
        draftVersion,
        kind: 'auto_send',
        idempotencyKey: `${memory.conversationId}:v${draftVersion}:auto_send`,
      });
    }
    memory.sending = true;
    try {
      await setStatus('sending');
      const result = await smtp.sendReply({ conversationId: memory.conversationId, draftVersion, auto, ...(resend ? { resend } : {}) });
      if (result.status === 'uncertain') {
        memory.failedSend = { draftVersion, ledgerStatus: 'sending' };
        await setStatus('failed', {
          reason: 'A worker stopped while this reply was being handed to SMTP; check the outbox before resending',
        });
      } else {
        memory.failedSend = undefined;
        await setStatus('sent');
      }
    } catch (error) {
      if (!(error instanceof wf.ActivityFailure)) throw error;
      const cause = error.cause;
      const permanent = cause instanceof wf.ApplicationFailure && cause.type === PERMANENT_DELIVERY_FAILURE;
      memory.failedSend = { draftVersion, ledgerStatus: 'failed' };
      await setStatus('failed', { reason: permanent ? cause.message : `Sending failed: ${cause?.message ?? error.message}` });
    } finally {
      memory.sending = false;
    }
  };

  /** An agent's own reply or confirmed resend: it goes out through the same send ledger. */
  const actOnAgent = async () => {
    await wf.condition(() => memory.agentAction === undefined || memory.agentAction.recorded);
    const action = memory.agentAction;
    if (!action) return;
    memory.phase = 'idle';
    memory.openDraftVersion = undefined;
    memory.unusableDraftVersion = undefined;
    try {
      await send(action.draftVersion, false, action.kind === 'resend');
    } finally {
      memory.agentAction = undefined;
    }
  };

  /**
   * The facts only live reads and a second model can give: whether the category may auto-send
   * now, and the independent check of the draft. The check runs only on a draft every other
   * layer lets through; a "no" elsewhere already sends it to a person.
   */
  const assessDraft = async (draftVersion: number, facts: RoutingFacts): Promise<Pick<RoutingFacts, 'categoryAutoSend' | 'verification'> | 'taken_over'> => {
    const categoryAutoSend = facts.classification.ok ? await db.readCategoryAutoSend({ category: facts.classification.category }) : undefined;
    if (!routeDraft(policy, { ...facts, categoryAutoSend }).shadow.wouldAutoSend) return { categoryAutoSend, verification: { status: 'skipped' } };
    const checked = await unlessAgentTakesOver(() =>
      verifier.verifyDraft({ conversationId: memory.conversationId, draftVersion }).catch(verificationFailure),
    );
    if ('takenOver' in checked) return 'taken_over';
    return { categoryAutoSend, verification: checked.value };
  };

  /** Classify and draft the newest customer message, then route, hold or wait, and send. */
  const processNewest = async (messageId: string, screeningFlags: string[]) => {
    await setStatus('classifying');
    let classified;
    try {
      classified = await unlessAgentTakesOver(() => model.classifyMessage({ conversationId: memory.conversationId, messageId }));
    } catch (error) {
      if (!v2) throw error;
      await handToPerson('classify', modelFailureOf(error), `classify:${messageId}`);
      return;
    }
    if ('takenOver' in classified) return;
    const classification = classified.value;
    if (memory.queue.length > 0) return; // a newer message arrived: classify that one instead
    if (v2 && !classification.ok) {
      await handToPerson('classify', { type: classification.failureType ?? 'ModelOutputInvalid', reason: classification.error }, `classify:${messageId}`);
      return;
    }
    await setStatus('drafting');
    const draftVersion = ++memory.lastDraftVersion;
    let drafted;
    try {
      drafted = await unlessAgentTakesOver(() => model.draftReply({ conversationId: memory.conversationId, draftVersion, messageId }));
    } catch (error) {
      if (!v2) throw error;
      await handToPerson('draft', modelFailureOf(error), `draft:v${draftVersion}`);
      return;
    }
    if ('takenOver' in drafted) return;
    const draft = drafted.value;
    memory.openDraftVersion = draft.draftVersion;
    if (memory.queue.length > 0) return supersede(draft.draftVersion);
    if (v2 && draft.unusable) {
      memory.unusableDraftVersion = draft.draftVersion;
      await handToPerson('draft', { type: draft.unusable.failureType, reason: draft.unusable.reason }, `draft:v${draft.draftVersion}`);
      return;
    }

    if (wf.patched(SEND_DECISION_PATCH)) {
      const routed = await decideDraft(draft.draftVersion, { classification, screeningFlags, problems: draft.problems });
      if (routed === 'taken_over') return;
      if (memory.queue.length > 0) return supersede(draft.draftVersion);
      return afterRouting(draft.draftVersion, routed.decision, () => holdThenDecide(draft.draftVersion, routed));
    }

    const facts: RoutingFacts = {
      classification,
      screeningFlags,
      draftProblems: draft.problems,
      draftStopReason: v2 ? draft.stopReason : undefined,
    };
    if (wf.patched(EARNED_AUTONOMY_PATCH)) {
      const assessed = await assessDraft(draft.draftVersion, facts);
      if (assessed === 'taken_over') return;
      if (memory.queue.length > 0) return supersede(draft.draftVersion);
      Object.assign(facts, assessed);
    }
    const routing = routeDraft(policy, facts);
    await db.recordRouting({ conversationId: memory.conversationId, draftVersion: draft.draftVersion, ...routing });
    const hold = () => holdForAutoSend(draft.draftVersion);
    return finishRouting(draft.draftVersion, routing.route, routing.reasons, hold);
  };

  /** Records the send decision, then holds and sends, or waits for a person. */
  const afterRouting = async (draftVersion: number, decision: SendDecision, hold: () => Promise<Outcome>) => {
    const route = decision.send ? 'auto_send' : 'review';
    await db.recordRouting({ conversationId: memory.conversationId, draftVersion, route, reasons: decision.reasons, shadow: decision.shadow, layers: decision.layers });
    return finishRouting(draftVersion, route, decision.reasons, hold);
  };

  const finishRouting = async (draftVersion: number, route: 'auto_send' | 'review', reasons: string[], hold: () => Promise<Outcome>) => {
    let outcome: Outcome = route === 'auto_send' ? await hold() : 'review';
    let version = draftVersion;
    if (outcome === 'review') {
      outcome = await awaitAgent(draftVersion, reasons);
      version = memory.openDraftVersion ?? version;
    }
    if (outcome !== 'person') {
      memory.openDraftVersion = undefined;
      memory.phase = 'idle';
    }
    switch (outcome) {
      case 'send':
        return send(version, route === 'auto_send' && !memory.decidedVersions.has(version));
      case 'rejected':
        return setStatus('rejected', { reason: 'The agent rejected the draft; nothing was sent' });
      case 'superseded':
        return supersede(version);
      case 'review':
      case 'person':
      case 'taken_over':
        return;
    }
  };

  for (;;) {
    if (memory.queue.length === 0 && !agentActionWaiting()) {
      // Waiting for a person (Claude failed, a send failed) has no idle timeout: nothing may end unanswered.
      const waitsForPerson = v2 && (memory.status === 'needs_person' || memory.status === 'failed');
      const hasWork = () => memory.queue.length > 0 || agentActionWaiting();
      const arrived = waitsForPerson ? (await wf.condition(hasWork), true) : await wf.condition(hasWork, policy.idleCloseHours * 3_600_000);
      if (!arrived) {
        await setStatus('closed', { reason: `No customer reply for ${policy.idleCloseHours} hours` });
        break;
      }
    }
    if (agentActionWaiting()) {
      await actOnAgent();
    } else {
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
    }

    const info = wf.workflowInfo();
    const historyLimit = input.continueAsNewAfterEvents ?? DEFAULT_HISTORY_EVENTS_LIMIT;
    if (memory.queue.length === 0 && !agentActionWaiting() && (info.continueAsNewSuggested || info.historyLength > historyLimit)) {
      await wf.condition(wf.allHandlersFinished);
      await wf.continueAsNew<typeof conversationWorkflow>({
        ...input,
        policy,
        pendingMessageIds: memory.queue,
        status: memory.status,
        actors: memory.actors,
        lastDraftVersion: memory.lastDraftVersion,
        seenMessageIds: memory.seen,
        ...(memory.failedSend ? { failedSend: memory.failedSend } : {}),
      });
    }
  }
  await wf.condition(wf.allHandlersFinished);
}
