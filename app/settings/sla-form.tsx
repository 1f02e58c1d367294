'use client';

import { Button } from '@/components/button';
import { useFormAction } from '@/components/use-form-action';
import { PRIORITIES } from '@/lib/core/conversation/priorities';
import { WEEKDAYS } from '@/lib/core/sla/business-hours';
import type { SlaPolicy } from '@/lib/core/sla/sla-policy';
import { updateSlaPolicyAction, type SlaSettingsResult } from './sla-actions';

const input = 'mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-slate-500 focus:outline-none';
const DAY_LABELS: Record<(typeof WEEKDAYS)[number], string> = { sun: 'Sunday', mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday' };

/** Response targets per priority, business hours and holidays: the SLA engine's settings. */
export function SlaForm({ policy }: { policy: SlaPolicy }) {
  const { state: result, pending, onSubmit } = useFormAction<SlaSettingsResult>(updateSlaPolicyAction, null);
  const hours = policy.businessHours;
  return (
    <form onSubmit={onSubmit} aria-label="Response targets" className="space-y-4 text-sm">
      <p className="text-slate-600">
        Targets count business minutes from the customer’s message until a reply goes out: the first reply of a conversation and the next one after each
        later message, whatever the conversation is waiting for (a draft, a person, a failed send). A reminder goes to the team address before the due
        time and an escalation at it. Changes apply to open conversations at the next sweep.
      </p>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="enabled" defaultChecked={policy.enabled} /> <span className="font-medium text-slate-700">Track response targets</span>
      </label>
      <fieldset>
        <legend className="font-medium text-slate-700">Targets (business minutes)</legend>
        <div className="mt-1 grid grid-cols-[6rem_8rem_8rem] items-center gap-2">
          <span />
          <span className="text-xs text-slate-500">First reply</span>
          <span className="text-xs text-slate-500">Next reply</span>
          {PRIORITIES.map((priority) => (
            <div key={priority} className="contents">
              <span className="capitalize">{priority}</span>
              <input aria-label={`${priority}: first reply minutes`} name={`first_${priority}`} type="number" min="1" defaultValue={policy.targets[priority].firstResponseMinutes} className={`${input} w-28`} />
              <input aria-label={`${priority}: next reply minutes`} name={`next_${priority}`} type="number" min="1" defaultValue={policy.targets[priority].nextResponseMinutes} className={`${input} w-28`} />
            </div>
          ))}
        </div>
      </fieldset>
      <label className="block">
        <span className="font-medium text-slate-700">Reminder before the due time (business minutes)</span>
        <input name="reminderMinutesBefore" type="number" min="0" defaultValue={policy.reminderMinutesBefore} className={`${input} w-28`} />
      </label>
      <label className="block">
        <span className="font-medium text-slate-700">Time zone of the business hours</span>
        <input name="timeZone" defaultValue={hours.timeZone} placeholder="Europe/Berlin" className={`${input} w-64`} />
      </label>
      <fieldset>
        <legend className="font-medium text-slate-700">Opening hours (leave both empty for a closed day)</legend>
        <div className="mt-1 grid grid-cols-[6rem_8rem_8rem] items-center gap-2">
          {WEEKDAYS.map((day) => (
            <div key={day} className="contents">
              <span>{DAY_LABELS[day]}</span>
              <input aria-label={`${DAY_LABELS[day]} opens`} name={`open_${day}`} type="time" defaultValue={hours.weekly[day]?.[0]?.start ?? ''} className={input} />
              <input aria-label={`${DAY_LABELS[day]} closes`} name={`close_${day}`} type="time" defaultValue={hours.weekly[day]?.[0]?.end ?? ''} className={input} />
            </div>
          ))}
        </div>
      </fieldset>
      <label className="block">
        <span className="font-medium text-slate-700">Holidays (one date per line, YYYY-MM-DD)</span>
        <textarea name="holidays" rows={3} defaultValue={hours.holidays.join('\n')} className={`${input} w-64 font-mono`} />
      </label>
      <label className="block">
        <span className="font-medium text-slate-700">Per-mailbox targets (JSON: mailbox id → priority → minutes), optional</span>
        <textarea name="mailboxTargets" rows={3} defaultValue={JSON.stringify(policy.mailboxTargets, null, 1)} className={`${input} w-full font-mono`} />
      </label>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save response targets'}
        </Button>
        {result?.ok && (
          <p role="status" className="text-green-700">
            Saved. Open conversations follow it at the next sweep.
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
