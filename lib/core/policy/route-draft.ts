// Older runs only: conversations routed before the one-send-decision patch replay through this.
// New runs decide in lib/core/policy/send-decision.ts.
import type { VerificationFacts } from '../safety/verification';
import { screeningLabel } from '../safety/screening-labels';
import type { AutomationPolicy } from './automation-policy';

/** What the workflow knows about the newest message when it decides. Small and serialisable. */
export interface RoutingFacts {
  classification:
    | { ok: true; category: string; riskScore: number; confidence: number; requiresHuman: boolean; injectionSuspected: boolean }
    | { ok: false; error: string };
  /** Deterministic screening flags of the inbound email (never auto-sent when present). */
  screeningFlags: string[];
  /** Deterministic checks the draft failed. */
  draftProblems: string[];
  /**
   * Why the model stopped writing the draft. Only a natural end (`end_turn`) may go out on its
   * own: a refused, cut-off or paused answer is never auto-sent. Absent in older runs.
   */
  draftStopReason?: string;
  /**
   * Whether auto-send is on for the draft's category, read live when the draft is routed: an
   * explicit setting, or earned and enabled by a manager, and not switched off by a demotion.
   * Absent in older runs, where the policy's category list decides.
   */
  categoryAutoSend?: { enabled: boolean; reason: string };
  /** The second model check of the draft. Absent in older runs. */
  verification?: VerificationFacts;
}

/** Stop reasons after which a draft is complete. */
const COMPLETE_STOP_REASONS = new Set(['end_turn']);

export interface RoutingDecision {
  route: 'auto_send' | 'review';
  reasons: string[];
  /**
   * Shadow mode: what the policy would do if auto-send were on for this category, judged on
   * the draft alone (every layer but the category's enablement and the kill switch).
   */
  shadow: { wouldAutoSend: boolean; reasons: string[] };
}

interface Reason {
  text: string;
  /** A reason about whether auto-send is on at all, not about this draft. */
  enablement?: true;
}

function classificationReasons(policy: AutomationPolicy, facts: RoutingFacts): Reason[] {
  const classification = facts.classification;
  if (!classification.ok) return [{ text: `Classification failed: ${classification.error}` }];
  const reasons: Reason[] = [];
  if (classification.riskScore > policy.maxRiskScore) {
    reasons.push({ text: `Risk ${classification.riskScore} is above the auto-send limit of ${policy.maxRiskScore}` });
  }
  if (classification.confidence < policy.minConfidence) {
    reasons.push({ text: `Confidence ${classification.confidence.toFixed(2)} is below ${policy.minConfidence.toFixed(2)}` });
  }
  if (facts.categoryAutoSend) {
    if (!facts.categoryAutoSend.enabled) reasons.push({ text: facts.categoryAutoSend.reason, enablement: true });
  } else if (!policy.autoSendCategories.includes(classification.category)) {
    reasons.push({ text: `Category "${classification.category}" is not on the auto-send list`, enablement: true });
  }
  if (classification.requiresHuman) reasons.push({ text: 'The classifier asked for a person' });
  if (classification.injectionSuspected) reasons.push({ text: 'Possible prompt injection or manipulation' });
  return reasons;
}

function verificationReasons(verification: VerificationFacts | undefined, others: number): Reason[] {
  switch (verification?.status) {
    case undefined:
    case 'passed':
      return [];
    case 'failed':
      return verification.reasons.map((reason) => ({ text: `Second check: ${reason}` }));
    case 'error':
      return [{ text: `Second check could not run: ${verification.reason}` }];
    case 'skipped':
      // Skipped only because another layer said no; alone it must still fail closed.
      return others > 0 ? [] : [{ text: 'Second check did not run' }];
  }
}

/**
 * Auto-send is allowed only by this deterministic code, never by the model's word alone:
 * every layer must pass, and each one that fails is a reason shown to the agent. The
 * layers can only say no: the classifier's own scores and flags, deterministic screening
 * of the email and checks of the draft, the second model check, and whether auto-send is
 * on for the category at all.
 */
export function routeDraft(policy: AutomationPolicy, facts: RoutingFacts): RoutingDecision {
  const reasons: Reason[] = [];
  if (!policy.autoSendEnabled) reasons.push({ text: 'Auto-send is switched off', enablement: true });
  reasons.push(...classificationReasons(policy, facts));
  for (const flag of facts.screeningFlags) reasons.push({ text: `Screening: ${screeningLabel(flag)}` });
  for (const problem of facts.draftProblems) reasons.push({ text: `Draft check: ${problem}` });
  if (facts.draftStopReason !== undefined && !COMPLETE_STOP_REASONS.has(facts.draftStopReason)) {
    reasons.push({ text: `The draft is incomplete (Claude stopped with "${facts.draftStopReason}")` });
  }
  reasons.push(...verificationReasons(facts.verification, reasons.filter((reason) => !reason.enablement).length));
  const content = reasons.filter((reason) => !reason.enablement).map((reason) => reason.text);
  const everyCheck = facts.verification ? 'all checks and the second check passed' : 'all checks passed';
  const shadow = content.length === 0 ? { wouldAutoSend: true, reasons: [`Would auto-send: ${everyCheck}`] } : { wouldAutoSend: false, reasons: content };
  if (reasons.length === 0) return { route: 'auto_send', reasons: [`Low risk, confident, allowed category, ${everyCheck}`], shadow };
  return { route: 'review', reasons: reasons.map((reason) => reason.text), shadow };
}
