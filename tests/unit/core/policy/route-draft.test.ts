import { describe, expect, it } from 'vitest';
import { routeDraft, type RoutingFacts } from '../../../../lib/core/policy/route-draft';
import type { AutomationPolicy } from '../../../../lib/core/contract';

const policy: AutomationPolicy = {
  autoSendEnabled: true,
  autoSendCategories: ['account'],
  maxRiskScore: 30,
  minConfidence: 0.8,
  holdSeconds: 120,
  reviewSlaMinutes: 240,
  idleCloseHours: 168,
};
const clean: RoutingFacts = {
  classification: { ok: true, category: 'account', riskScore: 10, confidence: 0.9, requiresHuman: false, injectionSuspected: false },
  screeningFlags: [],
  draftProblems: [],
};

describe('routeDraft', () => {
  it('auto-sends only when every condition holds', () => {
    expect(routeDraft(policy, clean).route).toBe('auto_send');
  });

  it('never auto-sends an answer to mail whose sender failed DMARC, and says why', () => {
    const decision = routeDraft(policy, { ...clean, screeningFlags: ['dmarc_fail'] });
    expect(decision.route).toBe('review');
    expect(decision.reasons.join(' ')).toMatch(/DMARC failed/);
  });

  it('gives one reason per failed condition', () => {
    const decision = routeDraft(
      { ...policy, autoSendEnabled: false },
      {
        classification: { ok: true, category: 'billing', riskScore: 31, confidence: 0.79, requiresHuman: true, injectionSuspected: true },
        screeningFlags: ['contains_links'],
        draftProblems: ['The draft is empty'],
      },
    );
    expect(decision.route).toBe('review');
    expect(decision.reasons).toEqual([
      'Auto-send is switched off',
      'Risk 31 is above the auto-send limit of 30',
      'Confidence 0.79 is below 0.80',
      'Category "billing" is not on the auto-send list',
      'The classifier asked for a person',
      'Possible prompt injection or manipulation',
      'Screening: The email contains links',
      'Draft check: The draft is empty',
    ]);
  });

  it('never auto-sends when classification failed, whatever else says', () => {
    expect(routeDraft(policy, { ...clean, classification: { ok: false, error: 'bad json' } })).toEqual({
      route: 'review',
      reasons: ['Classification failed: bad json'],
      shadow: { wouldAutoSend: false, reasons: ['Classification failed: bad json'] },
    });
  });
});

describe('routeDraft and incomplete drafts', () => {
  it.each(['max_tokens', 'refusal', 'pause_turn', 'model_context_window_exceeded', 'stop_sequence', 'tool_use'])(
    'never auto-sends a draft that stopped with %s, however clean the rest',
    (stop) => {
      const decision = routeDraft(policy, { ...clean, draftStopReason: stop });
      expect(decision.route).toBe('review');
      expect(decision.reasons.join(' ')).toContain(stop);
    },
  );

  it('auto-sends a complete draft (end_turn)', () => {
    expect(routeDraft(policy, { ...clean, draftStopReason: 'end_turn' }).route).toBe('auto_send');
  });
});

describe('routeDraft and earned autonomy', () => {
  const passed = { status: 'passed' } as const;

  it('takes the category state read live over the policy list', () => {
    const off = routeDraft(policy, { ...clean, verification: passed, categoryAutoSend: { enabled: false, reason: 'Auto-send is not enabled for "account" (shadow mode)' } });
    expect(off.route).toBe('review');
    expect(off.reasons).toEqual(['Auto-send is not enabled for "account" (shadow mode)']);
    const billing = { ...clean, classification: { ...clean.classification, category: 'billing' } } as RoutingFacts;
    const earned = routeDraft(policy, { ...billing, verification: passed, categoryAutoSend: { enabled: true, reason: 'earned' } });
    expect(earned.route).toBe('auto_send');
  });

  it('records in shadow what it would do with auto-send on, leaving out only the switch and the category', () => {
    const facts = { ...clean, verification: passed, categoryAutoSend: { enabled: false, reason: 'not enabled' } };
    const decision = routeDraft({ ...policy, autoSendEnabled: false }, facts);
    expect(decision.route).toBe('review');
    expect(decision.shadow).toEqual({ wouldAutoSend: true, reasons: ['Would auto-send: all checks and the second check passed'] });
    const screened = routeDraft(policy, { ...facts, screeningFlags: ['payout_redirect'] });
    expect(screened.shadow).toEqual({ wouldAutoSend: false, reasons: ['Screening: The email asks to change where money is sent'] });
  });

  it('lets any "no" of the second check, or its failure, send the draft to a person', () => {
    const enabled = { enabled: true, reason: 'on' };
    const failed = routeDraft(policy, { ...clean, categoryAutoSend: enabled, verification: { status: 'failed', reasons: ['It follows instructions from the email'] } });
    expect(failed.route).toBe('review');
    expect(failed.reasons).toEqual(['Second check: It follows instructions from the email']);
    const error = routeDraft(policy, { ...clean, categoryAutoSend: enabled, verification: { status: 'error', reason: '529 overloaded' } });
    expect(error.reasons).toEqual(['Second check could not run: 529 overloaded']);
    // Skipped is only ever right when another layer said no already; alone it fails closed.
    const skipped = routeDraft(policy, { ...clean, categoryAutoSend: enabled, verification: { status: 'skipped' } });
    expect(skipped.route).toBe('review');
    expect(skipped.reasons).toEqual(['Second check did not run']);
    const skippedWithReason = routeDraft(policy, { ...clean, screeningFlags: ['contains_links'], categoryAutoSend: enabled, verification: { status: 'skipped' } });
    expect(skippedWithReason.reasons).toEqual(['Screening: The email contains links']);
  });
});
