import { z } from 'zod';

/**
 * The model-spend budget: a monthly and an optional daily cap in USD (UTC calendar month and
 * day). Null means no cap. Client-safe: the settings form validates with the same schema.
 */
export interface ModelBudget {
  monthlyUsd: number | null;
  dailyUsd: number | null;
}

const cap = z.number().positive().max(1_000_000).nullable();

export const modelBudgetSchema = z.object({ monthlyUsd: cap, dailyUsd: cap }) satisfies z.ZodType<ModelBudget>;

/** The settings form: an empty field means no cap. */
const capField = z
  .string()
  .trim()
  .transform((value) => (value === '' ? null : Number(value)))
  .pipe(cap.refine((value) => value === null || Number.isFinite(value), 'Enter an amount in USD, or leave it empty for no cap.'));

export const modelBudgetFormSchema = z.object({ monthlyUsd: capField, dailyUsd: capField });

export interface ModelSpend {
  monthUsd: number;
  dayUsd: number;
}

export type BudgetStatus = { reached: false } | { reached: true; reason: string };

const usd = (value: number) => `$${value.toFixed(2)}`;

/** Whether this month's or today's spend has reached its cap, with the reason a person reads. */
export function budgetStatus(budget: ModelBudget, spend: ModelSpend): BudgetStatus {
  if (budget.monthlyUsd !== null && spend.monthUsd >= budget.monthlyUsd) {
    return { reached: true, reason: `this month's model spend ${usd(spend.monthUsd)} has reached the monthly budget of ${usd(budget.monthlyUsd)}` };
  }
  if (budget.dailyUsd !== null && spend.dayUsd >= budget.dailyUsd) {
    return { reached: true, reason: `today's model spend ${usd(spend.dayUsd)} has reached the daily budget of ${usd(budget.dailyUsd)} (UTC)` };
  }
  return { reached: false };
}
