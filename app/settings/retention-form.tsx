'use client';

import { Button } from '@/components/button';
import { useFormAction } from '@/components/use-form-action';
import { updateRetentionAction, type UpdateRetentionResult } from './retention-actions';

const input = 'mt-1 block w-32 rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-slate-500 focus:outline-none';

/** How long conversations are kept: the daily retention schedule deletes older ones. */
export function RetentionForm({ days }: { days: number | null }) {
  const { state: result, pending, onSubmit } = useFormAction<UpdateRetentionResult>(updateRetentionAction, null);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <p className="text-sm text-slate-600">
        Once a day, conversations with no message and no activity for this many days are deleted with their attachments, LangFuse traces and
        workflow histories. Leave it empty to keep everything.
      </p>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Keep conversations for (days)</span>
        <input name="days" type="number" min="1" step="1" defaultValue={days ?? ''} className={input} />
        {errors.days && <span className="mt-1 block text-xs text-red-700">{errors.days}</span>}
      </label>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save retention'}
        </Button>
        {result?.ok && <p className="text-sm text-green-700">Saved. The next daily run uses it.</p>}
        {result && !result.ok && (
          <p role="alert" className="text-sm text-red-700">
            {result.error}
          </p>
        )}
      </div>
    </form>
  );
}
