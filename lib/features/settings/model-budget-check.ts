import { Prisma } from '../../platform/db/generated/client';
import { budgetStatus, modelBudgetSchema, type BudgetStatus, type ModelBudget } from '../../core/policy/model-budget';

/** The Setting row's key; model-budget.ts re-exports it for the settings page. */
export const MODEL_BUDGET_KEY = 'model_budget';

/** The budget in force: the saved one, else the defaults; a row nobody can read fails closed. */
export function modelBudgetOf(saved: { value: unknown } | null, defaults: ModelBudget): ModelBudget {
  if (!saved) return defaults;
  const parsed = modelBudgetSchema.safeParse(saved.value);
  // Fail closed: a budget row nobody can read stops spending rather than lifting the cap.
  return parsed.success ? parsed.data : { monthlyUsd: 0, dailyUsd: 0 };
}

/** What `budgetColumns` adds to a row. */
export interface RawBudgetColumns {
  budgetSaved: boolean;
  budgetValue: unknown;
  /** Null when no cap is set (the spend is then never summed). */
  monthUsd: number | null;
  dayUsd: number | null;
}

const utcMonthStart = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
const utcDayStart = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/**
 * Select-list columns that read the budget row and, only when a cap is set (saved, or in the
 * defaults when none is saved), this UTC month's and day's spend: the budget check before a
 * Claude call inside a query the caller makes anyway, so it costs no round trip of its own.
 * A row whose caps are not both JSON null counts as capped here; `budgetStatusOf` decides.
 */
export function budgetColumns(defaults: ModelBudget, now: Date = new Date()): Prisma.Sql {
  const defaultsCapped = defaults.monthlyUsd !== null || defaults.dailyUsd !== null;
  const row = Prisma.sql`(SELECT s."value" FROM "Setting" s WHERE s."key" = ${MODEL_BUDGET_KEY})`;
  const capped = Prisma.sql`(CASE WHEN ${row} IS NULL THEN ${Prisma.raw(defaultsCapped ? 'true' : 'false')}
    ELSE coalesce(NOT (${row} -> 'monthlyUsd' = 'null'::jsonb AND ${row} -> 'dailyUsd' = 'null'::jsonb), true) END)`;
  const spendSince = (start: Date) =>
    Prisma.sql`(SELECT coalesce(sum(l."costUsd"), 0)::float8 FROM "LlmCall" l WHERE l."createdAt" >= ${start.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  return Prisma.sql`${row} IS NOT NULL AS "budgetSaved", ${row} AS "budgetValue",
    CASE WHEN ${capped} THEN ${spendSince(utcMonthStart(now))} END AS "monthUsd",
    CASE WHEN ${capped} THEN ${spendSince(utcDayStart(now))} END AS "dayUsd"`;
}

/** The status from `budgetColumns`: whether this month's or today's spend has reached a cap. */
export function budgetStatusOf(raw: RawBudgetColumns, defaults: ModelBudget): BudgetStatus {
  const budget = modelBudgetOf(raw.budgetSaved ? { value: raw.budgetValue } : null, defaults);
  if (budget.monthlyUsd === null && budget.dailyUsd === null) return { reached: false };
  // Unreachable (the columns sum whenever a cap can be in force); fail closed all the same.
  if (raw.monthUsd === null || raw.dayUsd === null) return { reached: true, reason: 'the model spend could not be read' };
  return budgetStatus(budget, { monthUsd: Number(raw.monthUsd), dayUsd: Number(raw.dayUsd) });
}
