/**
 * Trust per category, from agents' decisions: pure arithmetic, so the workflow tests, the
 * overview and the worker all read the same figures. A category earns auto-send only on
 * evidence (enough recent decisions, nearly all sent unchanged, no rejects of drafts the
 * policy would have sent) and loses it on evidence (recent agreement below the threshold).
 *
 * Recent decisions weigh more: a decision's weight halves every `halfLifeDays` (exponential
 * decay, weight = 0.5^(age/halfLife)), and decisions older than `windowDays` count not at
 * all. A reply that went out automatically and that an agent marked "should not have gone
 * out" weighs BAD_AUTO_SEND_WEIGHT times as much as a draft an agent caught in review: it
 * reached a customer.
 */

export interface TrustThresholds {
  /** Decisions older than this are not evidence. */
  windowDays: number;
  /** A decision's weight halves every this many days. */
  halfLifeDays: number;
  /** A category is eligible only with at least this many decisions in the window. */
  minDecisions: number;
  /** ... and a weighted agreement (sent unchanged) of at least this (0-1). */
  promoteAt: number;
  /** An enabled category is switched off when its recent agreement falls below this (0-1). */
  demoteBelow: number;
  /** How many of the newest decisions the demotion looks at. */
  recentDecisions: number;
  /** The demotion needs at least this many recent decisions to judge. */
  minRecentDecisions: number;
}

export const DEFAULT_TRUST_THRESHOLDS: Readonly<TrustThresholds> = Object.freeze({
  windowDays: 30,
  halfLifeDays: 14,
  minDecisions: 30,
  promoteAt: 0.9,
  demoteBelow: 0.8,
  recentDecisions: 20,
  minRecentDecisions: 5,
});

/**
 * One piece of evidence: what an agent did with a draft the policy would have auto-sent, or
 * how an agent judged a reply that went out automatically.
 */
export const EVIDENCE_KINDS = ['sent_unchanged', 'edited', 'rejected', 'revised', 'replied_themselves', 'auto_sent_ok', 'auto_sent_bad'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface TrustEvidence {
  at: Date;
  kind: EvidenceKind;
}

export const BAD_AUTO_SEND_WEIGHT = 3;

const AGREES: Record<EvidenceKind, boolean> = {
  sent_unchanged: true,
  auto_sent_ok: true,
  edited: false,
  rejected: false,
  revised: false,
  replied_themselves: false,
  auto_sent_bad: false,
};

export interface TrustFigures {
  /** Decisions in the window. */
  decisions: number;
  /** Weighted share of decisions that agreed with the policy (0-1); null without decisions. */
  agreement: number | null;
  counts: Record<EvidenceKind, number>;
  /** Rejects of drafts the policy would have sent, plus auto-sent replies marked bad. */
  rejects: number;
  eligible: boolean;
  /** Why the category is not eligible (empty when it is), in words a manager reads. */
  blockers: string[];
  recent: { decisions: number; agreement: number | null; counts: Record<EvidenceKind, number> };
  /** The recent agreement is below the demotion threshold (with enough recent decisions). */
  belowDemotionThreshold: boolean;
}

const DAY_MS = 86_400_000;

/**
 * Compared at the precision a manager reads (0.1%): seconds of decay between decisions must
 * not tip an agreement that reads "80.0%" below an 80% threshold.
 */
const perMille = (value: number) => Math.round(value * 1000) / 1000;

export const percent = (value: number | null) => (value === null ? 'n/a' : `${Math.round(value * 1000) / 10}%`);

function weightOf(item: TrustEvidence, now: Date, thresholds: TrustThresholds): number {
  const ageDays = Math.max(0, (now.getTime() - item.at.getTime()) / DAY_MS);
  const decay = 0.5 ** (ageDays / thresholds.halfLifeDays);
  return item.kind === 'auto_sent_bad' ? decay * BAD_AUTO_SEND_WEIGHT : decay;
}

function weightedAgreement(items: readonly TrustEvidence[], now: Date, thresholds: TrustThresholds): number | null {
  let total = 0;
  let agreed = 0;
  for (const item of items) {
    const weight = weightOf(item, now, thresholds);
    total += weight;
    if (AGREES[item.kind]) agreed += weight;
  }
  return total > 0 ? agreed / total : null;
}

function countKinds(items: readonly TrustEvidence[]): Record<EvidenceKind, number> {
  const counts = Object.fromEntries(EVIDENCE_KINDS.map((kind) => [kind, 0])) as Record<EvidenceKind, number>;
  for (const item of items) counts[item.kind] += 1;
  return counts;
}

/** The evidence a category's trust is computed from: inside the window, newest first. */
export function evidenceInWindow(evidence: readonly TrustEvidence[], thresholds: TrustThresholds, now: Date, since?: Date | null): TrustEvidence[] {
  const from = now.getTime() - thresholds.windowDays * DAY_MS;
  // Strictly after `since`: the decision that caused a demotion is not the first of the fresh record.
  const after = since?.getTime() ?? -Infinity;
  return evidence
    .filter((item) => item.at.getTime() >= from && item.at.getTime() > after && item.at.getTime() <= now.getTime())
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

/**
 * Assesses a category. `since` starts the evidence afresh (after a demotion, the category
 * must earn its eligibility again from decisions made since).
 */
export function assessTrust(evidence: readonly TrustEvidence[], thresholds: TrustThresholds, now: Date, since?: Date | null): TrustFigures {
  const items = evidenceInWindow(evidence, thresholds, now, since);
  const counts = countKinds(items);
  const agreement = weightedAgreement(items, now, thresholds);
  const rejects = counts.rejected + counts.auto_sent_bad;

  const blockers: string[] = [];
  if (items.length < thresholds.minDecisions) blockers.push(`${items.length} of ${thresholds.minDecisions} decisions needed in the last ${thresholds.windowDays} days`);
  if (agreement !== null && perMille(agreement) < thresholds.promoteAt) {
    blockers.push(`agents agreed with ${percent(agreement)} (weighted), ${percent(thresholds.promoteAt)} needed`);
  }
  if (counts.rejected > 0) blockers.push(`${counts.rejected} draft(s) it would have sent were rejected`);
  if (counts.auto_sent_bad > 0) blockers.push(`${counts.auto_sent_bad} automatic repl${counts.auto_sent_bad === 1 ? 'y was' : 'ies were'} marked "should not have gone out"`);

  const recentItems = items.slice(0, thresholds.recentDecisions);
  const recentAgreement = weightedAgreement(recentItems, now, thresholds);
  const belowDemotionThreshold =
    recentItems.length >= thresholds.minRecentDecisions && recentAgreement !== null && perMille(recentAgreement) < thresholds.demoteBelow;

  return {
    decisions: items.length,
    agreement,
    counts,
    rejects,
    eligible: blockers.length === 0,
    blockers,
    recent: { decisions: recentItems.length, agreement: recentAgreement, counts: countKinds(recentItems) },
    belowDemotionThreshold,
  };
}

/** The sentence a demotion is audited and announced with. */
export function demotionSummary(category: string, figures: TrustFigures, thresholds: TrustThresholds): string {
  const { counts } = figures.recent;
  const bad = [
    counts.rejected ? `${counts.rejected} rejected` : '',
    counts.revised ? `${counts.revised} revised` : '',
    counts.edited ? `${counts.edited} edited` : '',
    counts.replied_themselves ? `${counts.replied_themselves} answered by the agent instead` : '',
    counts.auto_sent_bad ? `${counts.auto_sent_bad} automatic repl${counts.auto_sent_bad === 1 ? 'y' : 'ies'} marked "should not have gone out"` : '',
  ].filter(Boolean);
  return (
    `Auto-send for "${category}" was switched off: agents agreed with ${percent(figures.recent.agreement)} of its ` +
    `${figures.recent.decisions} most recent decisions (weighted), below the ${percent(thresholds.demoteBelow)} threshold` +
    (bad.length ? ` (${bad.join(', ')})` : '') +
    '.'
  );
}
