import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RiskPill } from '../../../../components/risk-pill';
import { decideSend, type SendFacts } from '../../../../lib/core/policy/send-decision';

const facts = (riskScore: number, maxRiskScore: number): SendFacts => ({
  policy: { autoSendEnabled: true, maxRiskScore, minConfidence: 0.8 },
  classification: { ok: true, category: 'account', riskScore, confidence: 0.95, requiresHuman: false, injectionSuspected: false },
  screeningFlags: [],
  draft: { origin: 'model', status: 'pending', stopReason: 'end_turn', problems: [] },
  claims: [],
  category: { enabled: true, reason: 'on' },
  caps: { global: 0, perSender: 0, capGlobal: 200, capPerSender: 3 },
  grounding: { status: 'passed' },
  emailCheck: { status: 'passed' },
});

const label = (score: number, limit: number) => renderToStaticMarkup(createElement(RiskPill, { score, limit })).match(/>(Low|Med|High) </)?.[1];

describe('risk labels agree with the send decision', () => {
  it('reads "Low" exactly when the risk alone would not hold the draft, for every score and several limits', () => {
    let held = 0;
    for (const limit of [0, 20, 30, 39, 40, 69, 70, 85, 100]) {
      for (let score = 0; score <= 100; score += 1) {
        const riskHeld = decideSend(facts(score, limit)).reasons.some((reason) => reason.includes(`Risk ${score} is above`));
        if (riskHeld) held += 1;
        expect(label(score, limit) === 'Low', `score ${score}, limit ${limit}`).toBe(!riskHeld);
      }
    }
    // Both sides of the line were met, or the loop proved nothing.
    expect(held).toBeGreaterThan(100);
  });

  it('names the limit it was read against', () => {
    expect(renderToStaticMarkup(createElement(RiskPill, { score: 35, limit: 30 }))).toContain('above the auto-send limit of 30');
    expect(label(35, 30)).toBe('Med');
    expect(label(80, 30)).toBe('High');
    expect(label(35, 50)).toBe('Low');
  });
});
