import { SCREENING_LABELS, type ScreeningFlag } from '../safety/screen-inbound';
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
}

/** Stop reasons after which a draft is complete. */
const COMPLETE_STOP_REASONS = new Set(['end_turn']);

export interface RoutingDecision {
  route: 'auto_send' | 'review';
  reasons: string[];
}

/**
 * Auto-send is allowed only by this deterministic code, never by the model's word alone:
 * every condition must hold, and each one that fails is a reason shown to the agent.
 */
export function routeDraft(policy: AutomationPolicy, facts: RoutingFacts): RoutingDecision {
  const reasons: string[] = [];
  if (!policy.autoSendEnabled) reasons.push('Auto-send is switched off');
  const classification = facts.classification;
  if (!classification.ok) {
    reasons.push(`Classification failed: ${classification.error}`);
  } else {
    if (classification.riskScore > policy.maxRiskScore) {
      reasons.push(`Risk ${classification.riskScore} is above the auto-send limit of ${policy.maxRiskScore}`);
    }
    if (classification.confidence < policy.minConfidence) {
      reasons.push(`Confidence ${classification.confidence.toFixed(2)} is below ${policy.minConfidence.toFixed(2)}`);
    }
    if (!policy.autoSendCategories.includes(classification.category)) {
      reasons.push(`Category "${classification.category}" is not on the auto-send list`);
    }
    if (classification.requiresHuman) reasons.push('The classifier asked for a person');
    if (classification.injectionSuspected) reasons.push('Possible prompt injection or manipulation');
  }
  for (const flag of facts.screeningFlags) {
    reasons.push(`Screening: ${SCREENING_LABELS[flag as ScreeningFlag] ?? flag.replaceAll('_', ' ')}`);
  }
  for (const problem of facts.draftProblems) reasons.push(`Draft check: ${problem}`);
  if (facts.draftStopReason !== undefined && !COMPLETE_STOP_REASONS.has(facts.draftStopReason)) {
    reasons.push(`The draft is incomplete (Claude stopped with "${facts.draftStopReason}")`);
  }
  return reasons.length === 0
    ? { route: 'auto_send', reasons: ['Low risk, confident, allowed category, all checks passed'] }
    : { route: 'review', reasons };
}
