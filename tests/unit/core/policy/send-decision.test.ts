import { describe, expect, it } from 'vitest';
import { decideSend, type SendFacts } from '../../../../lib/core/policy/send-decision';

const clean: SendFacts = {
  policy: { autoSendEnabled: true, maxRiskScore: 30, minConfidence: 0.8 },
  classification: { ok: true, category: 'account', riskScore: 10, confidence: 0.95, requiresHuman: false, injectionSuspected: false },
  screeningFlags: [],
  draft: { origin: 'model', status: 'pending', stopReason: 'end_turn', problems: [] },
  claims: [],
  category: { enabled: true, reason: 'Auto-send is on for "account" (explicit setting)' },
  caps: { global: 0, perSender: 0, capGlobal: 200, capPerSender: 3 },
  grounding: { status: 'passed' },
  emailCheck: { status: 'passed' },
};

const layer = (facts: SendFacts, name: string) => decideSend(facts).layers.find((one) => one.layer === name);

describe('decideSend: the one place a draft may or may not go out', () => {
  it('sends only when every layer passed', () => {
    const decision = decideSend(clean);
    expect(decision.send).toBe(true);
    expect(decision.layers.every((one) => one.verdict === 'pass')).toBe(true);
    expect(decision.shadow.wouldAutoSend).toBe(true);
  });

  it('holds on each layer alone, naming it', () => {
    const cases: [Partial<SendFacts>, string, RegExp][] = [
      [{ policy: { ...clean.policy, autoSendEnabled: false } }, 'switch', /kill switch/],
      [{ category: { enabled: false, reason: 'Auto-send is not enabled for "account" (shadow mode)' } }, 'category', /shadow mode/],
      [{ classification: { ...clean.classification, riskScore: 80 } as SendFacts['classification'] }, 'classifier', /Risk 80/],
      [{ screeningFlags: ['dmarc_fail'] }, 'email', /^Screening:/],
      [{ draft: { ...clean.draft, stopReason: 'max_tokens' } }, 'draft', /incomplete/],
      [{ draft: { ...clean.draft, origin: 'agent' } }, 'draft', /A person wrote/],
      [{ draft: { ...clean.draft, staleReason: '“Refunds” changed (now version 3)' } }, 'draft', /knowledge it cites changed: “Refunds” changed/],
      [{ claims: [{ rule: 'amount', token: '€40', sentence: 'You get €40 back.', reason: 'The amount €40 is not in the knowledge given' }] }, 'claims', /€40/],
      [{ grounding: { status: 'failed', reasons: ['Claims something was done'] } }, 'grounding', /Check without the email: Claims/],
      [{ emailCheck: { status: 'error', reason: 'it took too long' } }, 'email_check', /could not run: it took too long/],
      [{ caps: { ...clean.caps, perSender: 3 } }, 'caps', /already got 3/],
    ];
    for (const [change, name, reason] of cases) {
      const facts = { ...clean, ...change };
      const decision = decideSend(facts);
      expect(decision.send, name).toBe(false);
      expect(layer(facts, name)?.verdict, name).toBe('hold');
      expect(decision.reasons.join(' | '), name).toMatch(reason);
    }
  });

  it('keeps the exact token and sentence of a claim hold for the page', () => {
    const claim = { rule: 'phone' as const, token: '+34 600 111 222', sentence: 'Hemos cambiado su número a +34 600 111 222.', reason: 'The phone number +34 600 111 222 is not in the knowledge given' };
    expect(layer({ ...clean, claims: [claim] }, 'claims')?.holds).toEqual([
      { reason: `Draft claim: ${claim.reason}`, rule: 'phone', token: claim.token, sentence: claim.sentence },
    ]);
  });

  it('asks for the model checks only when every deterministic layer about the draft passed, and fails closed without them', () => {
    const unchecked = { ...clean, grounding: undefined, emailCheck: undefined };
    const decision = decideSend(unchecked);
    expect(decision.runModelChecks).toBe(true);
    expect(decision.send).toBe(false);
    expect(decision.reasons).toContain('The model checks of the draft have not run');
    expect(decideSend({ ...unchecked, screeningFlags: ['contains_links'] }).runModelChecks).toBe(false);
    // Shadow mode leaves the switch, the category and the caps out: they are not about the draft.
    expect(decideSend({ ...unchecked, category: { enabled: false, reason: 'off' } }).runModelChecks).toBe(true);
  });

  it('lets only approved answers go out on their own where a category asks for that', () => {
    const policy = { ...clean.policy, approvedAnswersOnlyCategories: ['account'] };
    expect(decideSend({ ...clean, policy }).reasons.join(' ')).toMatch(/approved answers only/);
    expect(decideSend({ ...clean, policy, draft: { ...clean.draft, origin: 'assembled' } }).send).toBe(true);
  });

  it('never lets the email-reading check be the only layer between a draft and the customer', () => {
    // A fully fooled email check cannot override the check without the email or the code.
    expect(decideSend({ ...clean, grounding: { status: 'failed', reasons: ['x'] }, emailCheck: { status: 'passed' } }).send).toBe(false);
    expect(decideSend({ ...clean, grounding: undefined, emailCheck: { status: 'passed' } }).send).toBe(false);
  });
});
