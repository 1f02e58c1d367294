'use client';

import { useActionState } from 'react';
import { Button } from '@/components/button';
import type { ActionResult } from '@/lib/web/actions/action-result';
import { NOTIFICATION_CHANNEL_LABELS, NOTIFICATION_CHANNELS, NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS, type NotificationChannel, type NotificationKind } from '@/lib/core/team/notification-kinds';
import { savePreferencesAction } from './actions';

/** One row per kind of notice, one checkbox per channel. */
export function PreferencesForm({ preferences, hasWebhook, email }: { preferences: Record<NotificationKind, NotificationChannel[]>; hasWebhook: boolean; email: string }) {
  const [result, formAction, pending] = useActionState<ActionResult | null, FormData>(savePreferencesAction, null);
  return (
    <section aria-labelledby="preferences-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id="preferences-heading" className="font-semibold">
        What reaches you, and where
      </h2>
      <p className="text-slate-600">
        Email goes to {email}.{hasWebhook ? '' : ' Set a webhook below to use that column.'}
      </p>
      <form action={formAction} className="space-y-3">
        <table className="w-full text-left">
          <thead>
            <tr className="text-xs text-slate-600">
              <th scope="col" className="py-1 font-medium">
                Notice
              </th>
              {NOTIFICATION_CHANNELS.map((channel) => (
                <th key={channel} scope="col" className="py-1 font-medium">
                  {NOTIFICATION_CHANNEL_LABELS[channel]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {NOTIFICATION_KINDS.map((kind) => (
              <tr key={kind}>
                <th scope="row" className="py-1.5 font-normal">
                  {NOTIFICATION_KIND_LABELS[kind]}
                </th>
                {NOTIFICATION_CHANNELS.map((channel) => (
                  <td key={channel} className="py-1.5">
                    <input
                      type="checkbox"
                      name={`${kind}:${channel}`}
                      defaultChecked={preferences[kind].includes(channel)}
                      aria-label={`${NOTIFICATION_KIND_LABELS[kind]}: ${NOTIFICATION_CHANNEL_LABELS[channel]}`}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <div className="flex items-center gap-2">
          <Button type="submit" variant="primary" disabled={pending}>
            Save preferences
          </Button>
          {result?.ok ? <span role="status" className="text-emerald-800">Saved.</span> : null}
          {result && !result.ok ? <span role="alert" className="text-red-700">{result.error}</span> : null}
        </div>
      </form>
    </section>
  );
}
