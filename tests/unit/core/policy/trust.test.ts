import { describe, expect, it } from 'vitest';
import { assessTrust, demotionSummary, DEFAULT_TRUST_THRESHOLDS, type EvidenceKind, type TrustEvidence } from '../../../../lib/core/policy/trust';
import { evidenceOf } from '../../../../lib/core/policy/shadow';

const NOW = new Date('2026-11-29T12:00:00Z');
const DAY = 86_400_000;
const thresholds = { ...DEFAULT_TRUST_THRESHOLDS };

/** `count` decisions of one kind, one an hour apart, the newest `ageDays` ago. */
function decisions(kind: EvidenceKind, count: number, ageDays = 0): TrustEvidence[] {
  return Array.from({ length: count }, (_, index) => ({ kind, at: new Date(NOW.getTime() - ageDays * DAY - index * 3_600_000) }));
}

describe('eligibility', () => {
  it('needs enough decisions in the window', () => {
    const figures = assessTrust(decisions('sent_unchanged', 29), thresholds, NOW);
    expect(figures.eligible).toBe(false);
    expect(figures.blockers).toEqual(['29 of 30 decisions needed in the last 30 days']);
    expect(assessTrust(decisions('sent_unchanged', 30), thresholds, NOW).eligible).toBe(true);
  });

  it('needs a high unchanged rate: edits count against it', () => {
    const figures = assessTrust([...decisions('sent_unchanged', 30), ...decisions('edited', 5)], thresholds, NOW);
    expect(figures.agreement).toBeCloseTo(30 / 35, 2);
    expect(figures.eligible).toBe(false);
    expect(figures.blockers.join(' ')).toMatch(/agents agreed with 8\d\.\d% \(weighted\), 90% needed/);
  });

  it('is blocked by a single reject of a draft the policy would have sent, however good the rest', () => {
    const figures = assessTrust([...decisions('sent_unchanged', 200), ...decisions('rejected', 1, 3)], thresholds, NOW);
    expect(figures.agreement).toBeGreaterThan(0.99);
    expect(figures.eligible).toBe(false);
    expect(figures.blockers).toEqual(['1 draft(s) it would have sent were rejected']);
  });

  it('forgets decisions outside the window and evidence from before a demotion', () => {
    const old = [...decisions('sent_unchanged', 40, 31), ...decisions('rejected', 1, 40)];
    expect(assessTrust(old, thresholds, NOW).decisions).toBe(0);
    const recent = decisions('sent_unchanged', 40, 1);
    const since = new Date(NOW.getTime() - 1.5 * DAY);
    expect(assessTrust(recent, thresholds, NOW, since).decisions).toBeLessThan(40);
    expect(assessTrust(recent, thresholds, NOW, since).eligible).toBe(false);
  });

  it('weighs recent decisions more: the same decisions, a fortnight older, count half', () => {
    // 10 disagreements now against 30 agreements 14 days ago (one half-life): 15 / (15 + 10).
    const figures = assessTrust([...decisions('sent_unchanged', 30, 14), ...decisions('revised', 10)], thresholds, NOW);
    expect(figures.agreement).toBeCloseTo(15 / 25, 1);
    // ... and the other way round, the agreements count more.
    const flipped = assessTrust([...decisions('sent_unchanged', 30), ...decisions('revised', 10, 14)], thresholds, NOW);
    expect(flipped.agreement).toBeCloseTo(30 / 35, 1);
  });
});

describe('demotion', () => {
  it('is triggered by a run of bad recent decisions, even after a long good record', () => {
    const record = decisions('sent_unchanged', 60, 2);
    expect(assessTrust(record, thresholds, NOW).belowDemotionThreshold).toBe(false);
    const run = [...record, ...decisions('auto_sent_bad', 2), ...decisions('rejected', 2)];
    const figures = assessTrust(run, thresholds, NOW);
    expect(figures.recent.decisions).toBe(20);
    expect(figures.recent.agreement).toBeLessThan(0.8);
    expect(figures.belowDemotionThreshold).toBe(true);
    expect(demotionSummary('orders', figures, thresholds)).toMatch(
      /^Auto-send for "orders" was switched off: agents agreed with [\d.]+% of its 20 most recent decisions \(weighted\), below the 80% threshold \(2 rejected, 2 automatic replies marked "should not have gone out"\)\.$/,
    );
  });

  it('weighs an automatic reply that should not have gone out three times a caught draft', () => {
    const caught = assessTrust([...decisions('sent_unchanged', 9, 0.5), ...decisions('rejected', 1)], thresholds, NOW);
    const sent = assessTrust([...decisions('sent_unchanged', 9, 0.5), ...decisions('auto_sent_bad', 1)], thresholds, NOW);
    expect(caught.recent.agreement).toBeGreaterThan(0.85);
    expect(sent.recent.agreement).toBeLessThan(0.8);
  });

  it('does not judge on too few decisions', () => {
    expect(assessTrust(decisions('rejected', 4), thresholds, NOW).belowDemotionThreshold).toBe(false);
    expect(assessTrust(decisions('rejected', 5), thresholds, NOW).belowDemotionThreshold).toBe(true);
  });
});

describe('evidence from shadow records', () => {
  it('counts only drafts the policy would have sent, and automatic replies once reviewed', () => {
    expect(evidenceOf({ wouldAutoSend: true, outcome: 'sent_unchanged', review: null })).toBe('sent_unchanged');
    expect(evidenceOf({ wouldAutoSend: false, outcome: 'rejected', review: null })).toBeNull();
    expect(evidenceOf({ wouldAutoSend: true, outcome: 'superseded', review: null })).toBeNull();
    expect(evidenceOf({ wouldAutoSend: true, outcome: 'auto_sent', review: 'pending' })).toBeNull();
    expect(evidenceOf({ wouldAutoSend: true, outcome: 'auto_sent', review: 'ok' })).toBe('auto_sent_ok');
    expect(evidenceOf({ wouldAutoSend: true, outcome: 'auto_sent', review: 'should_not_have_gone_out' })).toBe('auto_sent_bad');
  });
});
