'use client';

import { Button } from '@/components/button';
import { useFormAction } from '@/components/use-form-action';
import type { ScheduleTimes } from '@/lib/core/schedules';
import { updateScheduleTimesAction, type SlaSettingsResult } from './sla-actions';

const input = 'mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-slate-500 focus:outline-none';

/** When the periodic work runs: Temporal Schedules, listed in the Temporal UI under Schedules. */
export function ScheduleForm({ times }: { times: ScheduleTimes }) {
  const { state: result, pending, onSubmit } = useFormAction<SlaSettingsResult>(updateScheduleTimesAction, null);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const fields = [
    { name: 'reconcileEverySeconds', label: 'Redeliver stored mail Temporal missed, every (seconds)', type: 'number', value: times.reconcileEverySeconds },
    { name: 'slaSweepEveryMinutes', label: 'Check response targets every (minutes)', type: 'number', value: times.slaSweepEveryMinutes },
    { name: 'digestAt', label: 'Daily digest to managers at', type: 'time', value: times.digestAt },
    { name: 'digestTimeZone', label: 'in the time zone', type: 'text', value: times.digestTimeZone },
    { name: 'retentionAt', label: 'Delete conversations past the retention age at (UTC)', type: 'time', value: times.retentionAt },
  ];
  return (
    <form onSubmit={onSubmit} aria-label="Schedules" className="space-y-4 text-sm">
      <div className="grid gap-4 sm:grid-cols-2">
        {fields.map((field) => (
          <label key={field.name}>
            <span className="font-medium text-slate-700">{field.label}</span>
            <input name={field.name} type={field.type} defaultValue={field.value} className={`${input} w-48`} />
            {errors[field.name] && <span className="mt-1 block text-xs text-red-700">{errors[field.name]}</span>}
          </label>
        ))}
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save schedules'}
        </Button>
        {result?.ok && (
          <p role="status" className="text-green-700">
            {result.data.applied ? 'Saved and applied to the schedules.' : 'Saved; the workers apply it when they next start (Temporal was not reachable).'}
          </p>
        )}
        {result && !result.ok && (
          <p role="alert" className="text-red-700">
            {result.error}
          </p>
        )}
      </div>
    </form>
  );
}
