'use client';

import { useActionState } from 'react';
import { Button } from '@/components/button';
import type { ActionResult } from '@/lib/web/actions/action-result';
import { setRoundRobinAction } from './round-robin-actions';

/** Round-robin: each new conversation goes to the available agent who got one longest ago. */
export function RoundRobinForm({ enabled }: { enabled: boolean }) {
  const [result, formAction, pending] = useActionState<ActionResult | null, FormData>(setRoundRobinAction, null);
  return (
    <form action={formAction} className="space-y-2 text-sm">
      <p className="text-slate-700">
        {enabled
          ? 'On: each new conversation is assigned to the available agent who was given one longest ago.'
          : 'Off: new conversations arrive unassigned. Agents take them, or are assigned them.'}{' '}
        Agents mark themselves available under Notifications.
      </p>
      <input type="hidden" name="available" value={enabled ? 'false' : 'true'} />
      <Button type="submit" disabled={pending}>
        {enabled ? 'Turn round-robin off' : 'Turn round-robin on'}
      </Button>
      {result && !result.ok ? <p role="alert" className="text-red-700">{result.error}</p> : null}
    </form>
  );
}
