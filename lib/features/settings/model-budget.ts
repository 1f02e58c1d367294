import { env } from '../../platform/config/env';
import type { Db, DbClient } from '../../platform/db/client';
import { getDb } from '../../platform/db';
import type { Actor } from '../../core/contract';
import { hasRole } from '../../core/roles';
import { modelBudgetSchema, type BudgetStatus, type ModelBudget, type ModelSpend } from '../../core/policy/model-budget';
import { budgetColumns, budgetStatusOf, MODEL_BUDGET_KEY, modelBudgetOf, type RawBudgetColumns } from './model-budget-check';
import { recordAudit } from '../audit/record-audit';
import { SettingsError } from './settings-error';

export { MODEL_BUDGET_KEY };

/** The caps until a manager saves some: from the environment (unset = no cap). */
export function modelBudgetFromEnv(config: { MODEL_BUDGET_MONTHLY_USD?: number; MODEL_BUDGET_DAILY_USD?: number } = env()): ModelBudget {
  return { monthlyUsd: config.MODEL_BUDGET_MONTHLY_USD ?? null, dailyUsd: config.MODEL_BUDGET_DAILY_USD ?? null };
}

export async function getModelBudget(options: { defaults?: ModelBudget } = {}, db: DbClient = getDb()): Promise<ModelBudget> {
  const defaults = options.defaults ?? modelBudgetFromEnv();
  return modelBudgetOf(await db.setting.findUnique({ where: { key: MODEL_BUDGET_KEY } }), defaults);
}

/** Spend since 00:00 UTC on the first of this month and since 00:00 UTC today. */
export async function getModelSpend(now: Date = new Date(), db: DbClient = getDb()): Promise<ModelSpend> {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [month, day] = await Promise.all([
    db.llmCall.aggregate({ _sum: { costUsd: true }, where: { createdAt: { gte: monthStart } } }),
    db.llmCall.aggregate({ _sum: { costUsd: true }, where: { createdAt: { gte: dayStart } } }),
  ]);
  return { monthUsd: month._sum.costUsd ?? 0, dayUsd: day._sum.costUsd ?? 0 };
}

/**
 * Checked before every Claude call: once a cap is reached the pipeline stops calling Claude
 * (calls already in flight finish, so the spend can overshoot by those). The overview shows
 * the same status as a banner. One query: the row, and the spend only when a cap is set. An
 * activity that reads the database before its first call reads `budgetColumns` there instead.
 */
export async function checkModelBudget(options: { now?: Date; defaults?: ModelBudget } = {}, db: DbClient = getDb()): Promise<BudgetStatus> {
  const defaults = options.defaults ?? modelBudgetFromEnv();
  const [row] = await db.$queryRaw<RawBudgetColumns[]>`SELECT ${budgetColumns(defaults, options.now)}`;
  if (!row) throw new Error('the budget query returned no row');
  return budgetStatusOf(row, defaults);
}

/** A manager's change, audited with before and after in the same transaction. */
export async function updateModelBudget(actor: Actor, next: ModelBudget, options: { defaults?: ModelBudget } = {}, db: Db = getDb()): Promise<ModelBudget> {
  if (!hasRole(actor, 'manager')) throw new SettingsError('forbidden', 'Only managers can change the model budget.');
  const after = modelBudgetSchema.parse(next);
  return db.$transaction(async (tx) => {
    const before = await getModelBudget(options, tx);
    await tx.setting.upsert({
      where: { key: MODEL_BUDGET_KEY },
      create: { key: MODEL_BUDGET_KEY, value: { ...after }, updatedBy: actor.id },
      update: { value: { ...after }, updatedBy: actor.id },
    });
    await recordAudit({ actorId: actor.id, action: 'settings.model_budget.update', target: `setting:${MODEL_BUDGET_KEY}`, before: { ...before }, after: { ...after } }, tx);
    return after;
  });
}
