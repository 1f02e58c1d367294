import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkModelBudget, getModelBudget, getModelSpend, MODEL_BUDGET_KEY, updateModelBudget } from '../../../../lib/features/settings/model-budget';
import { SettingsError } from '../../../../lib/features/settings/settings-error';
import { createTempDb, type TempDb } from '../../../support/temp-db';

const manager = { id: 'manager-1', role: 'manager' as const };
const noCap = { monthlyUsd: null, dailyUsd: null };
const NOW = new Date('2026-11-20T15:00:00Z');
let temp: TempDb;

async function spend(costUsd: number, createdAt: Date, key: string) {
  await temp.db.llmCall.create({ data: { callKey: key, purpose: 'draft', model: 'claude-sonnet-4-6', promptName: 'p', promptVersion: 1, attempt: 1, ok: true, costUsd, createdAt } });
}

beforeAll(async () => {
  temp = await createTempDb();
  await spend(4, new Date('2026-10-31T23:59:00Z'), 'last-month');
  await spend(3, new Date('2026-11-02T10:00:00Z'), 'this-month');
  await spend(2, new Date('2026-11-20T09:00:00Z'), 'today');
});
afterAll(async () => {
  await temp.close();
});

describe('model budget', () => {
  it('counts spend per UTC month and day', async () => {
    expect(await getModelSpend(NOW, temp.db)).toEqual({ monthUsd: 5, dayUsd: 2 });
  });

  it('uses the environment defaults until a manager saves one, and no cap means never reached', async () => {
    expect(await getModelBudget({ defaults: noCap }, temp.db)).toEqual(noCap);
    expect(await checkModelBudget({ now: NOW, defaults: noCap }, temp.db)).toEqual({ reached: false });
    expect(await checkModelBudget({ now: NOW, defaults: { monthlyUsd: 5, dailyUsd: null } }, temp.db)).toMatchObject({
      reached: true,
      reason: expect.stringContaining('monthly budget of $5.00'),
    });
  });

  it('lets only managers change it, and audits the change', async () => {
    await expect(updateModelBudget({ id: 'agent-1', role: 'agent' }, { monthlyUsd: 100, dailyUsd: null }, { defaults: noCap }, temp.db)).rejects.toBeInstanceOf(SettingsError);
    await updateModelBudget(manager, { monthlyUsd: 100, dailyUsd: 1.5 }, { defaults: noCap }, temp.db);
    expect(await getModelBudget({ defaults: noCap }, temp.db)).toEqual({ monthlyUsd: 100, dailyUsd: 1.5 });
    const audit = await temp.db.auditLog.findFirstOrThrow({ where: { action: 'settings.model_budget.update' } });
    expect(audit).toMatchObject({ actorId: manager.id, target: `setting:${MODEL_BUDGET_KEY}`, before: noCap, after: { monthlyUsd: 100, dailyUsd: 1.5 } });
    // Today's $2 is over the daily $1.50 cap.
    expect(await checkModelBudget({ now: NOW, defaults: noCap }, temp.db)).toMatchObject({ reached: true, reason: expect.stringContaining('daily budget of $1.50') });
  });

  it('fails closed on a stored budget nobody can read', async () => {
    await temp.db.setting.update({ where: { key: MODEL_BUDGET_KEY }, data: { value: { monthlyUsd: 'lots' } } });
    expect(await checkModelBudget({ now: NOW, defaults: noCap }, temp.db)).toMatchObject({ reached: true });
  });
});
