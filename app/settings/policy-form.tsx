'use client';

import { useFormAction } from '@/components/use-form-action';
import type { AutomationPolicy } from '@/lib/core/contract';
import { DEFAULT_UNDO_SECONDS } from '@/lib/core/policy/automation-policy';
import { Button } from '@/components/button';
import { updateAutomationPolicyAction, type UpdatePolicyResult } from './actions';

const input = 'mt-1 block w-32 rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-slate-500 focus:outline-none';

interface PolicyFormProps {
  policy: AutomationPolicy;
  categories: string[];
}

const NUMBER_FIELDS = [
  { name: 'maxRiskScore', label: 'Maximum risk score (0–100)', step: 1 },
  { name: 'minConfidence', label: 'Minimum classifier confidence (0–1)', step: 0.01 },
  { name: 'holdSeconds', label: 'Hold before sending (seconds)', step: 1 },
  { name: 'undoSeconds', label: 'Undo window for agents’ sends (seconds, 0 = none)', step: 1 },
  { name: 'reviewSlaMinutes', label: 'Review SLA (minutes)', step: 1 },
  { name: 'idleCloseHours', label: 'Close idle conversations after (hours)', step: 1 },
] as const;

export function PolicyForm({ policy, categories }: PolicyFormProps) {
  const { state: result, pending, onSubmit } = useFormAction<UpdatePolicyResult>(updateAutomationPolicyAction, null);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} className="space-y-6">
      <label className="flex items-start gap-3 rounded-md border border-slate-200 p-3">
        <input type="checkbox" name="autoSendEnabled" defaultChecked={policy.autoSendEnabled} className="mt-1" />
        <span className="text-sm">
          <span className="font-medium text-slate-900">Automatic sending enabled</span>
          <span className="block text-slate-600">
            The kill switch: when off, every draft waits for a person, including conversations already running.
          </span>
        </span>
      </label>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Categories that auto-send at once (explicit setting)</legend>
        <p className="mt-1 text-xs text-slate-500">
          Leave these unchecked to let each category earn auto-send from agents’ decisions first (see Earned autonomy on the Overview). A category
          listed here is still switched off by itself when agents’ recent decisions disagree.
        </p>
        <div className="mt-2 flex flex-wrap gap-4">
          {categories.map((category) => (
            <label key={category} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="autoSendCategories" value={category} defaultChecked={policy.autoSendCategories.includes(category)} />
              {category}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Categories that auto-send approved answers only</legend>
        <p className="mt-1 text-xs text-slate-600">
          An automatic reply in these categories is put together by code from knowledge passages, word for word, with the customer’s name and the
          signature filled in; Claude only chooses which passages fit. A reply Claude writes freely in them always waits for a person.
        </p>
        <div className="mt-2 flex flex-wrap gap-4">
          {categories.map((category) => (
            <label key={category} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="approvedAnswersOnlyCategories"
                value={category}
                defaultChecked={(policy.approvedAnswersOnlyCategories ?? []).includes(category)}
              />
              {category}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        {NUMBER_FIELDS.map((field) => (
          <label key={field.name} className="text-sm">
            <span className="font-medium text-slate-700">{field.label}</span>
            <input name={field.name} type="number" step={field.step} defaultValue={policy[field.name] ?? DEFAULT_UNDO_SECONDS} required className={input} />
            {errors[field.name] && <span className="mt-1 block text-xs text-red-700">{errors[field.name]}</span>}
          </label>
        ))}
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save policy'}
        </Button>
        {result?.ok && <p className="text-sm text-green-700">Saved. Running conversations pick it up before their next automatic send.</p>}
        {result && !result.ok && (
          <p role="alert" className="text-sm text-red-700">
            {result.error}
          </p>
        )}
      </div>
    </form>
  );
}
