'use client';

import { useActionState } from 'react';
import { Button } from '@/components/button';
import type { ActionResult } from '@/lib/web/actions/action-result';
import { setAvailabilityAction } from './actions';

/** "Available for new conversations": round-robin gives new mail only to people who said so. */
export function AvailabilityToggle({ available, roundRobin }: { available: boolean; roundRobin: boolean }) {
  const [result, formAction, pending] = useActionState<ActionResult | null, FormData>(setAvailabilityAction, null);
  return (
    <section aria-labelledby="availability-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id="availability-heading" className="font-semibold">
        Availability
      </h2>
      <p className="text-slate-600">
        {available ? 'You are available: round-robin may give you new conversations.' : 'You are away: round-robin gives you no new conversations.'}{' '}
        {roundRobin ? '' : 'Round-robin is off for the team (a manager turns it on in Settings).'}
      </p>
      <form action={formAction}>
        <input type="hidden" name="available" value={available ? 'false' : 'true'} />
        <Button type="submit" disabled={pending}>
          {available ? 'Mark me away' : 'Mark me available'}
        </Button>
      </form>
      {result && !result.ok ? <p role="alert" className="text-red-700">{result.error}</p> : null}
    </section>
  );
}
