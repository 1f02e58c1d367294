import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AutomationPolicy } from '../../../../lib/core/contract';
import { AUTOMATION_POLICY_KEY, getAutomationPolicy, updateAutomationPolicy } from '../../../../lib/features/settings/automation-policy';
import { SettingsError } from '../../../../lib/features/settings/settings-error';
import { createTempDb, type TempDb } from '../../../support/temp-db';

const defaults: AutomationPolicy = {
  autoSendEnabled: true,
  autoSendCategories: ['orders'],
  maxRiskScore: 30,
  minConfidence: 0.8,
  holdSeconds: 120,
  reviewSlaMinutes: 240,
  idleCloseHours: 168,
};
const options = { defaults, categories: ['orders', 'account', 'billing'] };
const manager = { id: 'manager-1', role: 'manager' as const };
let temp: TempDb;

beforeAll(async () => {
  temp = await createTempDb();
});

afterAll(async () => {
  await temp.close();
});

describe('automation policy', () => {
  it('falls back to the environment defaults before anyone saves', async () => {
    expect(await getAutomationPolicy(options, temp.db)).toEqual(defaults);
  });

  it('saves a change and audits before/after in the same transaction', async () => {
    const after = await updateAutomationPolicy(manager, { autoSendEnabled: false, autoSendCategories: ['orders', 'account'] }, options, temp.db);
    expect(after).toEqual({ ...defaults, autoSendEnabled: false, autoSendCategories: ['orders', 'account'] });
    expect(await getAutomationPolicy(options, temp.db)).toEqual(after);

    const audit = await temp.db.auditLog.findFirstOrThrow({ where: { action: 'settings.automation_policy.update' } });
    expect(audit).toMatchObject({ actorId: manager.id, target: `setting:${AUTOMATION_POLICY_KEY}`, before: defaults, after });
    const setting = await temp.db.setting.findUniqueOrThrow({ where: { key: AUTOMATION_POLICY_KEY } });
    expect(setting.updatedBy).toBe(manager.id);
  });

  it('audits each later change against the previous saved value', async () => {
    await updateAutomationPolicy(manager, { holdSeconds: 30 }, options, temp.db);
    const rows = await temp.db.auditLog.findMany({ where: { action: 'settings.automation_policy.update' } });
    expect(rows).toHaveLength(2);
    const latest = rows.find((row) => (row.after as { holdSeconds?: number }).holdSeconds === 30);
    expect(latest?.before).toMatchObject({ autoSendEnabled: false, holdSeconds: 120 });
    expect(latest?.after).toMatchObject({ autoSendEnabled: false, holdSeconds: 30 });
  });

  it('refuses agents, unknown categories and out-of-range values without writing', async () => {
    const count = await temp.db.auditLog.count();
    await expect(updateAutomationPolicy({ id: 'a', role: 'agent' }, { autoSendEnabled: true }, options, temp.db)).rejects.toBeInstanceOf(SettingsError);
    await expect(updateAutomationPolicy(manager, { autoSendCategories: ['refunds'] }, options, temp.db)).rejects.toBeInstanceOf(SettingsError);
    await expect(updateAutomationPolicy(manager, { maxRiskScore: 400 }, options, temp.db)).rejects.toThrow();
    expect(await temp.db.auditLog.count()).toBe(count);
    expect((await getAutomationPolicy(options, temp.db)).autoSendEnabled).toBe(false);
  });

  it('fails closed when the stored value is unreadable', async () => {
    await temp.db.setting.update({ where: { key: AUTOMATION_POLICY_KEY }, data: { value: { maxRiskScore: 'lots' } } });
    expect(await getAutomationPolicy(options, temp.db)).toEqual({ ...defaults, autoSendEnabled: false });
  });
});
