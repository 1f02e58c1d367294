'use client';

import { startTransition, useActionState, useState } from 'react';
import { Button } from '@/components/button';
import { lifecycleRefusal, type LifecycleAction } from '@/lib/core/conversation/lifecycle';
import { CONVERSATION_STATUSES, type ConversationStatus } from '@/lib/core/conversation/statuses';
import { newRequestId } from '@/lib/web/request-id';
import { changeLifecycleAction } from '../actions';

const LABELS: Record<LifecycleAction, string> = {
  close: 'Close',
  reopen: 'Reopen',
  snooze: 'Snooze',
  wait_on_customer: 'Waiting on customer',
};

/**
 * Close, reopen, snooze (until a time, or until the customer replies) and waiting on the
 * customer. A button is offered only where the workflow would take it (the same rule); the
 * workflow still decides, and its refusal is shown as it words it.
 */
export function LifecyclePanel({ conversationId, status: stored }: { conversationId: string; status: string }) {
  const [outcome, dispatch, pending] = useActionState(changeLifecycleAction, null);
  const [until, setUntil] = useState('');
  const change = (action: LifecycleAction, at?: string) =>
    startTransition(() => dispatch({ conversationId, action, requestId: newRequestId(), ...(at ? { until: new Date(at).toISOString() } : {}) }));
  // A stored status from an older release is not one of ours: offer nothing.
  const status = (CONVERSATION_STATUSES as readonly string[]).includes(stored) ? (stored as ConversationStatus) : undefined;
  const offered = (action: LifecycleAction) => status !== undefined && lifecycleRefusal(action, status) === undefined;
  if (!(['close', 'reopen', 'snooze', 'wait_on_customer'] as const).some(offered)) return null;

  return (
    <section aria-label="Lifecycle" className="space-y-2 rounded-md bg-white p-3 ring-1 ring-inset ring-slate-200">
      <div className="flex flex-wrap items-center gap-2">
        {offered('close') ? (
          <Button variant="secondary" disabled={pending} onClick={() => change('close')}>
            {LABELS.close}
          </Button>
        ) : null}
        {offered('reopen') ? (
          <Button variant="secondary" disabled={pending} onClick={() => change('reopen')}>
            {LABELS.reopen}
          </Button>
        ) : null}
        {offered('wait_on_customer') ? (
          <Button variant="secondary" disabled={pending} onClick={() => change('wait_on_customer')}>
            {LABELS.wait_on_customer}
          </Button>
        ) : null}
      </div>
      {offered('snooze') ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label className="flex items-center gap-1 text-slate-700">
            Snooze until
            <input
              type="datetime-local"
              value={until}
              onChange={(event) => setUntil(event.target.value)}
              className="rounded border border-slate-300 px-1 py-0.5"
            />
          </label>
          <Button variant="secondary" disabled={pending || !until} onClick={() => change('snooze', until)}>
            Snooze
          </Button>
          <Button variant="secondary" disabled={pending} onClick={() => change('snooze')}>
            Snooze until the customer replies
          </Button>
        </div>
      ) : null}
      {outcome && !outcome.ok ? (
        <p role="alert" className="text-sm text-red-800">
          {outcome.message}
        </p>
      ) : null}
    </section>
  );
}
