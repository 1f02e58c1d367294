'use client';

import { Button } from '@/components/button';
import { useFormAction } from '@/components/use-form-action';
import { describeVariant, type LabelledVariant } from '@/lib/core/ab/variants';
import { saveAbTestAction, type AbTestResult } from './ab-test-actions';

const input = 'mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-slate-500 focus:outline-none';

export interface AbTestRow {
  category: string;
  enabled: boolean;
  variants: LabelledVariant[];
}

/** Per category, an A/B test of drafts: two variants drafted side by side, and the agent picks one. */
export function AbTestForm({ tests, categories, promptVersion }: { tests: AbTestRow[]; categories: string[]; promptVersion: number }) {
  const { state: result, pending, onSubmit } = useFormAction<AbTestResult>(saveAbTestAction, null);
  return (
    <div className="space-y-4 text-sm">
      <p className="text-slate-600">
        With a test on, every new draft in the category is written twice at once, by variant A and variant B (each a model, or a version of the drafting
        prompt; the code’s prompt is version {promptVersion}). The agent sees both side by side and sends one; an A/B draft is never sent automatically.
        Picks and edit sizes per variant are on the overview.
      </p>
      {tests.length > 0 ? (
        <ul aria-label="A/B tests" className="space-y-1">
          {tests.map((test) => (
            <li key={test.category}>
              <span className="font-medium">{test.category}</span>: {test.enabled ? 'on' : 'off'} · A {describeVariant(test.variants[0] ?? {})} · B{' '}
              {describeVariant(test.variants[1] ?? {})}
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={onSubmit} aria-label="A/B test of drafts" className="space-y-3">
        <label className="block">
          <span className="font-medium text-slate-700">Category</span>
          <select name="category" className={input}>
            {categories.map((category) => (
              <option key={category}>{category}</option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="enabled" defaultChecked /> <span className="font-medium text-slate-700">Test on</span>
        </label>
        {(['a', 'b'] as const).map((side) => (
          <fieldset key={side} className="flex flex-wrap gap-3">
            <legend className="font-medium text-slate-700">Variant {side.toUpperCase()} (a model or a prompt version)</legend>
            <label>
              <span className="text-xs text-slate-500">Model</span>
              <input name={`${side}_model`} aria-label={`Variant ${side.toUpperCase()} model`} placeholder="claude-haiku-4-5" className={`${input} w-56`} />
            </label>
            <label>
              <span className="text-xs text-slate-500">Prompt version</span>
              <input name={`${side}_prompt`} aria-label={`Variant ${side.toUpperCase()} prompt version`} type="number" min="1" className={`${input} w-28`} />
            </label>
          </fieldset>
        ))}
        <Button type="submit" disabled={pending}>
          Save A/B test
        </Button>
        {result && !result.ok ? <p role="alert" className="text-red-700">{result.error}</p> : null}
        {result?.ok ? <p role="status" className="text-green-700">Saved.</p> : null}
      </form>
    </div>
  );
}
