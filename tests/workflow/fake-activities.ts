import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { Activities } from '../../worker/activities';
import type { createErasureActivities } from '../../worker/activities/erasure-steps';
import type { ClassifyMessageResult } from '../../worker/activities/classify-message';
import type { DraftReplyInput, DraftReplyResult } from '../../worker/activities/draft-reply';
import type { SendReplyInput, SendReplyResult } from '../../worker/activities/send-reply';
import type { AutomationPolicy } from '../../lib/core/contract';
import type { VerificationFacts } from '../../lib/core/safety/verification';
import type { ModelCheckFacts } from '../../lib/core/safety/grounding';
import type { ClaimHold } from '../../lib/core/safety/claims';
import type { LabelledVariant } from '../../lib/core/ab/variants';
import { decideSend, sendFactsOf, type SendDecision } from '../../lib/core/policy/send-decision';

type Calls = { [K in keyof Activities]: Array<Parameters<Activities[K]>[0]> };

/** What a model activity does instead of answering. */
export type ModelBehaviour =
  /** Fails for good with this failure type (as the activity does for 402, 404, the spend cap...). */
  | { fail: string; message?: string }
  /** Fails with a retryable error on every attempt (an outage longer than the retry window). */
  | { transient: string }
  /** Heartbeats until it is cancelled (a slow model call an agent overtakes). */
  | { hang: true };

export interface FakeScript {
  /** Classification per message id; default: a low-risk, confident account question. */
  classify?: (messageId: string) => ClassifyMessageResult | ModelBehaviour;
  /** Overrides parts of the draft result, or makes the draft call fail. */
  draft?: (input: DraftReplyInput) => Partial<DraftReplyResult> | ModelBehaviour;
  screening?: (messageId: string) => string[];
  /** The second check's answer (the one that reads the email); default a pass. */
  verify?: (draftVersion: number) => VerificationFacts | ModelBehaviour;
  /** The answer of the check that never reads the email; default a pass. */
  ground?: (draftVersion: number) => ModelCheckFacts | ModelBehaviour;
  /** The claims screening's holds for a draft; default none. */
  claims?: (draftVersion: number) => ClaimHold[];
  /** Whether auto-send is on for a category; default: when the policy lists it. */
  categoryAutoSend?: (category: string) => { enabled: boolean; reason: string };
  automated?: (messageId: string) => boolean;
  draftProblems?: string[];
  /** At the end of a hold (older runs: authorizeAutoSend; newer: the second live read): whether the kill switch is still off. */
  autoSendAllowed?: () => { allowed: boolean; reasons: string[] };
  sendFails?: 'permanent';
  /** What a bare run reads at its start (runs started with a policy never ask); default: the policy, nobody on the roster. */
  setup?: () => Promise<{ actors?: Record<string, 'agent' | 'manager' | 'admin'>; lastDraftVersion?: number }>;
  /** Runs inside the decision's store write (to slow it down, or fail it); default: stores at once. */
  recordDecision?: (input: Parameters<Activities['recordDecision']>[0]) => Promise<void>;
  /** An undo's store write. */
  recordSendUndone?: (input: Parameters<Activities['recordSendUndone']>[0]) => Promise<void>;
  /** A lifecycle change's store write (e.g. throw to show nothing is half-applied). */
  recordLifecycle?: (input: Parameters<Activities['recordLifecycle']>[0]) => Promise<void>;
  /** The result of each send, by call number (0-based); default sent, then already_sent. */
  send?: (input: SendReplyInput, call: number) => SendReplyResult['status'] | 'permanent' | undefined;
  /** The category's enabled A/B test (its two sides); default none. */
  abTest?: (category: string) => LabelledVariant[] | undefined;
  /** The owner the store holds when a status change reads it (search attributes); default none. */
  assigneeId?: () => string | null;
}

export const LOW_RISK: ClassifyMessageResult = {
  ok: true,
  category: 'account',
  priority: 'normal',
  riskScore: 10,
  confidence: 0.95,
  requiresHuman: false,
  injectionSuspected: false,
};

export const HIGH_RISK: ClassifyMessageResult = { ...LOW_RISK, category: 'billing', riskScore: 85 };

function isBehaviour(value: object): value is ModelBehaviour {
  return 'fail' in value || 'transient' in value || 'hang' in value;
}

/** Acts out a model failure the way the real activity surfaces it. */
async function behave(behaviour: ModelBehaviour, cancelled: { count: number }): Promise<never> {
  if ('fail' in behaviour) throw ApplicationFailure.nonRetryable(behaviour.message ?? `simulated ${behaviour.fail}`, behaviour.fail);
  if ('transient' in behaviour) throw ApplicationFailure.retryable(`simulated ${behaviour.transient}`, behaviour.transient);
  const context = Context.current();
  for (;;) {
    context.heartbeat();
    try {
      await Promise.race([context.cancelled, new Promise((resolve) => setTimeout(resolve, 100))]);
    } catch (error) {
      cancelled.count += 1;
      throw error;
    }
  }
}

/**
 * In-memory activities recording every call: workflow tests assert on what the workflow
 * asked the outside world to do, with the outside world made predictable.
 */
export function createFakeActivities(script: FakeScript = {}, policy?: AutomationPolicy) {
  const calls = Object.fromEntries(
    [
      'loadConversationSetup',
      'prepareInboundMessage',
      'classifyMessage',
      'draftReply',
      'verifyDraft',
      'checkGrounding',
      'readSendFacts',
      'readCategoryAutoSend',
      'mirrorStatus',
      'recordRouting',
      'markDraftSuperseded',
      'recordDecision',
      'authorizeAutoSend',
      'sendReply',
      'notifyEscalation',
      'recordManualReply',
      'recordResendRequest',
      'recordLifecycle',
      'recordSendUndone',
      'readAbTest',
      'offerDraftVariants',
      'decideSendStored',
      'recordRoutingById',
    ].map((name) => [name, []]),
  ) as unknown as Calls;
  const sentVersions = new Set<number>();
  /** What each drafted version looks like as stored, for the live read of the send gate. */
  const drafted = new Map<number, { stopReason: string; unusable: boolean }>();
  const cancelled = { count: 0 };
  const store: { classified?: { category: string; priority: string } } = {};
  /** Send decisions the fake decideSendStored took, by id, as the real one stores them. */
  const decisions = new Map<string, { decision: SendDecision; live: Awaited<ReturnType<Activities['readSendFacts']>> }>();

  const activities: Activities = {
    async loadConversationSetup(input) {
      calls.loadConversationSetup.push(input);
      const setup = (await script.setup?.()) ?? {};
      if (!policy) throw new Error('a bare run reads its policy: give the fakes one');
      return { policy, actors: setup.actors ?? {}, lastDraftVersion: setup.lastDraftVersion ?? 0 };
    },
    async prepareInboundMessage(input) {
      calls.prepareInboundMessage.push(input);
      return { automated: script.automated?.(input.messageId) ?? false, screeningFlags: script.screening?.(input.messageId) ?? [] };
    },
    async classifyMessage(input) {
      calls.classifyMessage.push(input);
      const scripted = script.classify?.(input.messageId) ?? LOW_RISK;
      if (!isBehaviour(scripted) && scripted.ok) store.classified = { category: scripted.category, priority: scripted.priority };
      if (isBehaviour(scripted)) return behave(scripted, cancelled);
      // As the real one: with `drafting`, a usable classification's write moves the status on (a mirror write, folded in).
      if (!input.drafting || !scripted.ok) return scripted;
      calls.mirrorStatus.push({ conversationId: input.conversationId, status: 'drafting' });
      return { ...scripted, drafting: { category: scripted.category, priority: scripted.priority, mailbox: 'support@example.test', assigneeId: script.assigneeId?.() ?? null, slaDueAt: null } };
    },
    async draftReply(input) {
      calls.draftReply.push(input);
      const scripted = script.draft?.(input) ?? {};
      if (isBehaviour(scripted)) return behave(scripted, cancelled);
      const result = { draftVersion: input.draftVersion, knowledgeUsed: ['password-reset'], problems: script.draftProblems ?? [], stopReason: 'end_turn', ...scripted };
      drafted.set(input.draftVersion, { stopReason: result.stopReason ?? 'end_turn', unusable: result.unusable !== undefined });
      return result;
    },
    async verifyDraft(input) {
      calls.verifyDraft.push(input);
      const scripted = script.verify?.(input.draftVersion) ?? { status: 'passed' as const };
      return 'status' in scripted ? scripted : behave(scripted, cancelled);
    },
    async checkGrounding(input) {
      calls.checkGrounding.push(input);
      const scripted = script.ground?.(input.draftVersion) ?? { status: 'passed' as const };
      return 'status' in scripted ? scripted : behave(scripted, cancelled);
    },
    async readSendFacts(input) {
      // A read once the version's hold began is the one at the end of its hold (with folded writes the
      // routing reads twice when the model checks run; before them the second read was the hold's).
      const held = calls.mirrorStatus.some((one) => one.status === 'auto_send_hold' && one.draftVersion === input.draftVersion);
      const reads = calls.readSendFacts.filter((one) => one.draftVersion === input.draftVersion).length;
      calls.readSendFacts.push(input);
      const base = policy ?? { autoSendEnabled: true, autoSendCategories: [], maxRiskScore: 30, minConfidence: 0.8, holdSeconds: 60, reviewSlaMinutes: 60, idleCloseHours: 24 };
      const gate = held && reads > 0 ? script.autoSendAllowed?.() : undefined;
      const enabled = input.category ? (policy?.autoSendCategories.includes(input.category) ?? true) : false;
      const category = input.category
        ? (script.categoryAutoSend?.(input.category) ?? { enabled, reason: enabled ? `Auto-send is on for "${input.category}"` : `Category "${input.category}" is not on the auto-send list` })
        : null;
      return {
        policy: gate && !gate.allowed ? { ...base, autoSendEnabled: false } : base,
        draft: {
          origin: 'model' as const,
          status: drafted.get(input.draftVersion)?.unusable ? 'unusable' : 'pending',
          stopReason: drafted.get(input.draftVersion)?.stopReason ?? 'end_turn',
        },
        claims: script.claims?.(input.draftVersion) ?? [],
        category,
        caps: { global: 0, perSender: 0, capGlobal: 100, capPerSender: 100 },
      };
    },
    async readCategoryAutoSend(input) {
      calls.readCategoryAutoSend.push(input);
      if (script.categoryAutoSend) return script.categoryAutoSend(input.category);
      const enabled = policy?.autoSendCategories.includes(input.category) ?? true;
      return { enabled, reason: enabled ? `Auto-send is on for "${input.category}"` : `Category "${input.category}" is not on the auto-send list` };
    },
    async mirrorStatus(input) {
      // As the real activity: a status with no reason of its own shows the stored decision's reasons.
      const { reasonDecisionId, ...rest } = input;
      const stored = reasonDecisionId && !rest.reason ? decisions.get(reasonDecisionId)?.decision : undefined;
      calls.mirrorStatus.push(stored ? { ...rest, reason: stored.reasons.join('; ') } : input);
      // As the store answers: the classifier's category and priority, the owner, the deadline set.
      if (!input.searchFacts) return undefined;
      return { category: null, priority: null, ...store.classified, mailbox: 'support@example.test', assigneeId: script.assigneeId?.() ?? null, slaDueAt: input.slaDueAt ?? null };
    },
    async recordRouting(input) {
      calls.recordRouting.push(input);
    },
    async decideSendStored(input) {
      calls.decideSendStored.push(input);
      const earlier = input.liveOf ? decisions.get(input.liveOf) : undefined;
      const live =
        earlier?.live ??
        (await activities.readSendFacts({
          conversationId: input.conversationId,
          draftVersion: input.draftVersion,
          ...(input.held.classification.ok ? { category: input.held.classification.category } : {}),
        }));
      const decision = decideSend(sendFactsOf(live, input.held, input.checks ?? {}));
      // As the real one: at routing (folded writes) a decision that asks for the model checks is not stored.
      if (input.route && decision.runModelChecks) return { decisionId: '', send: false, runModelChecks: true, holdSeconds: live.policy.holdSeconds };
      const decisionId = `decision-${decisions.size + 1}`;
      decisions.set(decisionId, { decision, live });
      // ...and the decision at routing records the route with it, as recordRoutingById does.
      if (input.route) {
        const route = decision.send ? 'auto_send' : 'review';
        calls.recordRouting.push({ conversationId: input.conversationId, draftVersion: input.draftVersion, route, reasons: decision.reasons, shadow: decision.shadow, layers: decision.layers });
      }
      return { decisionId, send: decision.send, runModelChecks: decision.runModelChecks, holdSeconds: live.policy.holdSeconds };
    },
    async recordRoutingById(input) {
      calls.recordRoutingById.push(input);
      const decision = decisions.get(input.decisionId)?.decision;
      if (!decision) throw new Error(`no stored decision ${input.decisionId}`);
      calls.recordRouting.push({ conversationId: input.conversationId, draftVersion: input.draftVersion, route: input.route, reasons: decision.reasons, shadow: decision.shadow, layers: decision.layers });
    },
    async markDraftSuperseded(input) {
      calls.markDraftSuperseded.push(input);
    },
    async recordDecision(input) {
      calls.recordDecision.push(input);
      await script.recordDecision?.(input);
      // As the real one: an auto-send's decision asked to (folded-sending) mirrors the status sending with it.
      if (!input.sending) return undefined;
      calls.mirrorStatus.push({ conversationId: input.conversationId, status: 'sending' });
      return { category: null, priority: null, ...store.classified, mailbox: 'support@example.test', assigneeId: script.assigneeId?.() ?? null, slaDueAt: null };
    },
    async authorizeAutoSend(input) {
      calls.authorizeAutoSend.push(input);
      return script.autoSendAllowed?.() ?? { allowed: true, reasons: [] };
    },
    async sendReply(input) {
      const call = calls.sendReply.length;
      calls.sendReply.push(input);
      const outcome = script.send?.(input, call) ?? (script.sendFails === 'permanent' ? 'permanent' : undefined);
      if (outcome === 'permanent') throw ApplicationFailure.nonRetryable('550 mailbox unavailable', 'PermanentDeliveryFailure');
      const messageIdHeader = `<${input.conversationId}.v${input.draftVersion}@test>`;
      if (outcome) return { status: outcome, messageIdHeader };
      const already = sentVersions.has(input.draftVersion);
      sentVersions.add(input.draftVersion);
      return { status: already ? 'already_sent' : 'sent', messageIdHeader };
    },
    async notifyEscalation(input) {
      calls.notifyEscalation.push(input);
    },
    async recordManualReply(input) {
      calls.recordManualReply.push(input);
    },
    async recordResendRequest(input) {
      calls.recordResendRequest.push(input);
    },
    ...notForConversations,
    async recordSendUndone(input) {
      calls.recordSendUndone.push(input);
      await script.recordSendUndone?.(input);
    },
    async recordLifecycle(input) {
      calls.recordLifecycle.push(input);
      await script.recordLifecycle?.(input);
    },
    async readAbTest(input) {
      calls.readAbTest.push(input);
      const variants = script.abTest?.(input.category);
      return variants ? { variants } : {};
    },
    async offerDraftVariants(input) {
      calls.offerDraftVariants.push(input);
      // The sides drafted for this version that did not fail.
      const usable = calls.draftReply.filter((one) => one.draftVersion === input.draftVersion && one.variant).map((one) => one.variant!.label);
      const failed = new Set(input.failures.map((failure) => failure.label));
      return { offered: [...new Set(usable)].filter((label) => !failed.has(label)) };
    },
  };
  return { activities, calls, cancelled };
}

type ErasureStep = keyof ReturnType<typeof createErasureActivities>;

// The erasure and retention steps belong to other workflows (tests/workflow/privacy/): a
// conversation that calls one is a bug the test should see.
const notForConversations = Object.fromEntries(
  (['scopeErasure', 'eraseWorkflowHistories', 'eraseLangfuseRecords', 'eraseRows', 'eraseOrphanBlobs', 'finishErasure', 'openRetentionBatch'] satisfies ErasureStep[]).map(
    (name) => [name, () => Promise.reject(new Error(`${name} is not a conversation activity`))],
  ),
) as unknown as ReturnType<typeof createErasureActivities>;
