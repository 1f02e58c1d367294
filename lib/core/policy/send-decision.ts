import { riskAboveLimit } from './risk-band';
import type { ClaimHold } from '../safety/claims';
import type { ModelCheckFacts } from '../safety/grounding';
import { screeningLabel } from '../safety/screening-labels';
import type { AutomationPolicy } from './automation-policy';

/**
 * Whether a draft may go out without a person: the one place that decides it. Every reason a
 * draft may or may not be sent is a layer below; each layer can only say no, and a layer that
 * did not run counts as a no. The workflow feeds it one read of the live facts
 * (`readSendFacts`) plus the two model checks, once when the draft is routed and again when the
 * hold runs out, and does what it says.
 */

/** The layers, in the order an agent reads them. */
export const SEND_LAYERS = ['switch', 'category', 'classifier', 'email', 'draft', 'claims', 'grounding', 'email_check', 'caps'] as const;
export type SendLayer = (typeof SEND_LAYERS)[number];

export const SEND_LAYER_LABELS: Record<SendLayer, string> = {
  switch: 'Auto-send switch',
  category: 'Category',
  classifier: 'Classifier scores and flags',
  email: 'Screening of the email',
  draft: 'Checks of the draft',
  claims: 'Claims in the draft (code)',
  grounding: 'Check that never reads the email',
  email_check: 'Check that reads the email',
  caps: 'Hourly caps',
};

/** Layers about whether auto-send is on at all, not about this draft: shadow mode leaves them out. */
const ENABLEMENT_LAYERS: ReadonlySet<SendLayer> = new Set(['switch', 'category', 'caps']);
/** The model checks: run only when every other layer about the draft passed. */
const MODEL_LAYERS: ReadonlySet<SendLayer> = new Set(['grounding', 'email_check']);

/** One thing a layer held, with the exact token or sentence where there is one. */
export interface SendHold {
  reason: string;
  rule?: string;
  token?: string;
  sentence?: string;
}

export interface LayerVerdict {
  layer: SendLayer;
  verdict: 'pass' | 'hold' | 'not_run';
  holds: SendHold[];
}

/** Everything the decision needs, read live in one place (`lib/features/sending-gate/read-send-facts.ts`). */
export interface SendFacts {
  policy: Pick<AutomationPolicy, 'autoSendEnabled' | 'maxRiskScore' | 'minConfidence'> & { approvedAnswersOnlyCategories?: string[] };
  classification:
    | { ok: true; category: string; riskScore: number; confidence: number; requiresHuman: boolean; injectionSuspected: boolean }
    | { ok: false; error: string };
  /** Deterministic screening of the email (intake's and the structural ones). */
  screeningFlags: string[];
  draft: {
    /** model: Claude wrote it; assembled: approved text put together by code; agent: a person wrote it. */
    origin: 'model' | 'assembled' | 'agent';
    status: string;
    /** Why the model stopped: only end_turn is a complete draft. */
    stopReason: string | null;
    /** Deterministic checks of the draft (links, addresses, length, an unusable answer). */
    problems: string[];
    /**
     * Why the knowledge the draft cites no longer says what it was given (an article edited or
     * archived since), read live: a draft inside its hold is stopped when it turns stale.
     * Absent in facts recorded before it was read.
     */
    staleReason?: string | null;
  };
  /** Deterministic claims screening of the draft against the passages it was given. */
  claims: ClaimHold[];
  /** Auto-send on for the category right now, and why (explicit, earned, demoted, shadow). */
  category: { enabled: boolean; reason: string } | null;
  /** Sends in the last hour against the caps. */
  caps: { global: number; perSender: number; capGlobal: number; capPerSender: number };
  /** The check that never reads the email; absent until it ran. */
  grounding?: ModelCheckFacts;
  /** The check that reads the email; absent until it ran. It can only add a no. */
  emailCheck?: ModelCheckFacts;
}

export interface SendDecision {
  /** Every layer passed: the draft may go out on its own. */
  send: boolean;
  layers: LayerVerdict[];
  /** Every hold, as sentences an agent reads. */
  reasons: string[];
  /** Shadow mode: the verdict on the draft alone, with auto-send assumed on. */
  shadow: { wouldAutoSend: boolean; reasons: string[] };
  /** Every deterministic layer about the draft passed and the model checks have not run yet. */
  runModelChecks: boolean;
}

/** What the workflow already holds about a draft: its classification, the email's screening, the draft's own checks. */
export type HeldSendFacts = Pick<SendFacts, 'classification' | 'screeningFlags'> & { problems: string[] };

/** The facts of one decision: a live read (without the draft's checks) joined with what the workflow holds and the model checks. */
export function sendFactsOf(
  live: Omit<SendFacts, 'classification' | 'screeningFlags' | 'draft' | 'grounding' | 'emailCheck'> & { draft: Omit<SendFacts['draft'], 'problems'> },
  held: HeldSendFacts,
  checks: Pick<SendFacts, 'grounding' | 'emailCheck'> = {},
): SendFacts {
  return { ...live, classification: held.classification, screeningFlags: held.screeningFlags, draft: { ...live.draft, problems: held.problems }, ...checks };
}

const hold = (reason: string, extra: Omit<SendHold, 'reason'> = {}): SendHold => ({ reason, ...extra });

function classifierHolds(facts: SendFacts): SendHold[] {
  const { classification, policy } = facts;
  if (!classification.ok) return [hold(`Classification failed: ${classification.error}`)];
  const holds: SendHold[] = [];
  if (riskAboveLimit(classification.riskScore, policy.maxRiskScore)) holds.push(hold(`Risk ${classification.riskScore} is above the auto-send limit of ${policy.maxRiskScore}`));
  if (classification.confidence < policy.minConfidence) {
    holds.push(hold(`Confidence ${classification.confidence.toFixed(2)} is below ${policy.minConfidence.toFixed(2)}`));
  }
  if (classification.requiresHuman) holds.push(hold('The classifier asked for a person'));
  if (classification.injectionSuspected) holds.push(hold('Possible prompt injection or manipulation'));
  return holds;
}

function categoryHolds(facts: SendFacts): SendHold[] {
  if (!facts.classification.ok) return [hold('The draft has no classified category')];
  if (!facts.category) return [hold(`Auto-send is not enabled for "${facts.classification.category}"`)];
  return facts.category.enabled ? [] : [hold(facts.category.reason)];
}

function draftHolds(facts: SendFacts): SendHold[] {
  const { draft } = facts;
  const holds = draft.problems.map((problem) => hold(`Draft check: ${problem}`));
  if (draft.origin === 'agent') holds.push(hold('A person wrote this reply: it is sent by a person, never automatically'));
  if (draft.staleReason) holds.push(hold(`The knowledge it cites changed: ${draft.staleReason}`, { rule: 'knowledge_changed' }));
  if (draft.status === 'unusable') holds.push(hold('Claude could not finish this draft'));
  if (draft.stopReason !== 'end_turn') holds.push(hold(`The draft is incomplete (Claude stopped with "${draft.stopReason ?? 'unknown'}")`));
  const category = facts.classification.ok ? facts.classification.category : undefined;
  if (category && facts.policy.approvedAnswersOnlyCategories?.includes(category) && draft.origin !== 'assembled') {
    holds.push(hold(`"${category}" auto-sends approved answers only; this draft is free text`, { rule: 'approved_answers_only' }));
  }
  return holds;
}

function modelCheckHolds(check: ModelCheckFacts | undefined, name: string): { verdict: LayerVerdict['verdict']; holds: SendHold[] } {
  switch (check?.status) {
    case undefined:
    case 'skipped':
      return { verdict: 'not_run', holds: [] };
    case 'passed':
      return { verdict: 'pass', holds: [] };
    case 'failed':
      return { verdict: 'hold', holds: check.reasons.map((reason) => hold(`${name}: ${reason}`)) };
    case 'error':
      return { verdict: 'hold', holds: [hold(`${name} could not run: ${check.reason}`)] };
  }
}

function capHolds({ caps }: SendFacts): SendHold[] {
  const holds: SendHold[] = [];
  if (caps.global >= caps.capGlobal) holds.push(hold(`The hourly auto-send cap of ${caps.capGlobal} is reached`));
  if (caps.perSender >= caps.capPerSender) holds.push(hold(`This sender already got ${caps.perSender} automatic replies in the last hour`));
  return holds;
}

const verdictOf = (layer: SendLayer, holds: SendHold[]): LayerVerdict => ({ layer, verdict: holds.length ? 'hold' : 'pass', holds });

/** The verdict of every layer on one draft, and whether it may go out on its own. */
export function decideSend(facts: SendFacts): SendDecision {
  const layers: LayerVerdict[] = [
    verdictOf('switch', facts.policy.autoSendEnabled ? [] : [hold('Auto-send is switched off (kill switch)')]),
    verdictOf('category', categoryHolds(facts)),
    verdictOf('classifier', classifierHolds(facts)),
    verdictOf('email', facts.screeningFlags.map((flag) => hold(`Screening: ${screeningLabel(flag)}`, { rule: flag }))),
    verdictOf('draft', draftHolds(facts)),
    verdictOf(
      'claims',
      facts.claims.map((claim) => hold(`Draft claim: ${claim.reason}`, { rule: claim.rule, token: claim.token, sentence: claim.sentence })),
    ),
    { layer: 'grounding', ...modelCheckHolds(facts.grounding, 'Check without the email') },
    { layer: 'email_check', ...modelCheckHolds(facts.emailCheck, 'Check with the email') },
    verdictOf('caps', capHolds(facts)),
  ];
  const content = layers.filter((layer) => !ENABLEMENT_LAYERS.has(layer.layer));
  const deterministicPass = content.every((layer) => MODEL_LAYERS.has(layer.layer) || layer.verdict === 'pass');
  const modelChecksRan = content.filter((layer) => MODEL_LAYERS.has(layer.layer)).every((layer) => layer.verdict !== 'not_run');
  const contentReasons = content.flatMap((layer) => layer.holds.map((one) => one.reason));
  // A model check that did not run is a no: it is skipped only because another layer said no.
  if (deterministicPass && !modelChecksRan) contentReasons.push('The model checks of the draft have not run');
  const reasons = [...layers.filter((layer) => ENABLEMENT_LAYERS.has(layer.layer)).flatMap((layer) => layer.holds.map((one) => one.reason)), ...contentReasons];
  const wouldAutoSend = contentReasons.length === 0;
  return {
    send: reasons.length === 0,
    layers,
    reasons: reasons.length ? reasons : ['Every layer passed: low risk, confident, allowed category, claims in the knowledge, both checks passed'],
    shadow: { wouldAutoSend, reasons: wouldAutoSend ? ['Would auto-send: every layer about the draft passed'] : contentReasons },
    runModelChecks: deterministicPass && !modelChecksRan,
  };
}
