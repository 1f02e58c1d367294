'use client';

import { Button } from '@/components/button';
import { useFormAction } from '@/components/use-form-action';
import type { ModelBudget } from '@/lib/core/policy/model-budget';
import { updateModelBudgetAction, type UpdateBudgetResult } from './actions';

const input = 'mt-1 block w-32 rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-slate-500 focus:outline-none';

const FIELDS = [
  { name: 'monthlyUsd', label: 'Monthly cap (USD, calendar month, UTC)' },
  { name: 'dailyUsd', label: 'Daily cap (USD, UTC day), optional' },
] as const;

/** The model-spend caps: when one is reached the pipeline stops calling Claude and new mail goes to people. */
export function BudgetForm({ budget }: { budget: ModelBudget }) {
  const { state: result, pending, onSubmit } = useFormAction<UpdateBudgetResult>(updateModelBudgetAction, null);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <p className="text-sm text-slate-600">
        When this month’s or today’s model spend reaches a cap, Countersign stops calling Claude: new mail goes straight to a person with the reason,
        and the overview shows a banner. Leave a field empty for no cap.
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        {FIELDS.map((field) => (
          <label key={field.name} className="text-sm">
            <span className="font-medium text-slate-700">{field.label}</span>
            <input name={field.name} type="number" min="0.01" step="0.01" defaultValue={budget[field.name] ?? ''} className={input} />
            {errors[field.name] && <span className="mt-1 block text-xs text-red-700">{errors[field.name]}</span>}
          </label>
        ))}
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save budget'}
        </Button>
        {result?.ok && <p className="text-sm text-green-700">Saved. It applies to the next model call.</p>}
        {result && !result.ok && (
          <p role="alert" className="text-sm text-red-700">
            {result.error}
          </p>
        )}
      </div>
    </form>
  );
}
