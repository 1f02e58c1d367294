'use client';

import { useActionState } from 'react';
import { Button } from '@/components/button';
import type { ActionResult } from '@/lib/web/actions/action-result';
import { assignAction } from '../../team-actions';

type Result = ActionResult<{ assigneeName: string | null; changed: boolean }> | null;

/** Who owns the conversation, "Take it", and the menu to give it to a colleague. */
export function OwnerPanel({
  conversationId,
  assignee,
  viewerId,
  team,
}: {
  conversationId: string;
  assignee: { id: string; name: string } | null;
  viewerId: string;
  team: { id: string; name: string }[];
}) {
  const [result, formAction, pending] = useActionState<Result, FormData>(assignAction, null);
  const expected = assignee?.id ?? '';
  return (
    <section aria-labelledby="owner-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <h2 id="owner-heading" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
        Owner
      </h2>
      <p data-testid="owner">{assignee ? (assignee.id === viewerId ? `You (${assignee.name})` : assignee.name) : 'Unassigned'}</p>
      <div className="flex flex-wrap items-center gap-2">
        {assignee?.id !== viewerId ? (
          <form action={formAction}>
            <input type="hidden" name="conversationId" value={conversationId} />
            <input type="hidden" name="expectedAssigneeId" value={expected} />
            <input type="hidden" name="assigneeId" value={viewerId} />
            <Button type="submit" size="sm" variant="primary" disabled={pending}>
              Take it
            </Button>
          </form>
        ) : null}
        <form action={formAction} className="flex items-center gap-1">
          <input type="hidden" name="conversationId" value={conversationId} />
          <input type="hidden" name="expectedAssigneeId" value={expected} />
          <label htmlFor="assign-to" className="sr-only">
            Assign to
          </label>
          <select id="assign-to" name="assigneeId" defaultValue={assignee?.id ?? ''} key={expected} className="rounded-md border-0 py-1 pl-2 pr-7 text-xs ring-1 ring-inset ring-slate-300">
            <option value="">Nobody</option>
            {team.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
          <Button type="submit" size="sm" disabled={pending}>
            Assign
          </Button>
        </form>
      </div>
      {result && !result.ok ? (
        <p role="alert" className="text-red-700">
          {result.error}
        </p>
      ) : null}
    </section>
  );
}
