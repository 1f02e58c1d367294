import { describe, expect, it } from 'vitest';
import { automationPolicyFormSchema, automationPolicySchema } from '../../../../lib/core/policy/automation-policy';
import { automationPolicyFromEnv } from '../../../../lib/features/settings/default-automation-policy';
import { parseEnv } from '../../../../lib/platform/config/env';

const form = {
  autoSendCategories: ['orders'],
  maxRiskScore: '25',
  minConfidence: '0.9',
  holdSeconds: '60',
  reviewSlaMinutes: '120',
  idleCloseHours: '72',
};

describe('automationPolicyFormSchema', () => {
  it('reads an unchecked kill switch as off and coerces the numbers', () => {
    expect(automationPolicyFormSchema.parse(form)).toEqual({
      autoSendEnabled: false,
      autoSendCategories: ['orders'],
      approvedAnswersOnlyCategories: [],
      maxRiskScore: 25,
      minConfidence: 0.9,
      holdSeconds: 60,
      reviewSlaMinutes: 120,
      idleCloseHours: 72,
      // An older form without the field: the default undo window.
      undoSeconds: 10,
    });
    expect(automationPolicyFormSchema.parse({ ...form, autoSendEnabled: 'on' }).autoSendEnabled).toBe(true);
    expect(automationPolicyFormSchema.parse({ ...form, undoSeconds: '0' }).undoSeconds).toBe(0);
    expect(automationPolicyFormSchema.safeParse({ ...form, undoSeconds: '-1' }).success).toBe(false);
  });

  it('rejects out-of-range values per field', () => {
    const result = automationPolicyFormSchema.safeParse({ ...form, maxRiskScore: '101', minConfidence: '1.5', reviewSlaMinutes: '0' });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(expect.arrayContaining(['maxRiskScore', 'minConfidence', 'reviewSlaMinutes']));
  });
});

describe('automationPolicyFromEnv', () => {
  it('maps the AUTO_SEND_* variables to a valid policy', () => {
    const policy = automationPolicyFromEnv(parseEnv({ AUTO_SEND_ENABLED: 'false', AUTO_SEND_CATEGORIES: 'orders, account', AUTO_SEND_MAX_RISK: '10' }));
    expect(policy).toMatchObject({ autoSendEnabled: false, autoSendCategories: ['orders', 'account'], maxRiskScore: 10 });
    expect(automationPolicySchema.safeParse(policy).success).toBe(true);
  });
});
