'use client';

import { startTransition, useActionState, useEffect, useState } from 'react';
import { Kbd } from '@/components/kbd';
import { useHotkeys, type HotkeyMap } from '@/components/use-hotkeys';
import { newRequestId } from '@/lib/web/request-id';
import { BULK_ACTIONS, type BulkAction } from './bulk-actions';
import { bulkAssignAction, bulkLifecycleAction, tagConversationsAction } from './inbox-actions';

const focusedId = () => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-inbox-row]')?.dataset.conversationId;

/** Marks the selected rows in the list (the rows are server-rendered links). */
function markRows(selected: ReadonlySet<string>): void {
  for (const row of document.querySelectorAll<HTMLElement>('[data-inbox-row]')) {
    row.dataset.selected = String(selected.has(row.dataset.conversationId ?? ''));
  }
}

/**
 * Bulk actions from the keyboard: x selects the focused row (j/k move), then one key acts on
 * the whole selection (BULK_ACTIONS); Esc clears. Each conversation's workflow decides for
 * itself, and the ones that refused are listed with their reason.
 */
export function InboxSelection({ team, viewerId }: { team: { id: string; name: string }[]; viewerId: string }) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [outcome, dispatch, pending] = useActionState(bulkLifecycleAction, null);
  const [tagOutcome, dispatchTag, tagging] = useActionState(tagConversationsAction, null);
  const [tagText, setTagText] = useState<string | undefined>(undefined);
  const [assignOutcome, dispatchAssign, assigning] = useActionState(bulkAssignAction, null);
  const [assignee, setAssignee] = useState<string | undefined>(undefined);
  useEffect(() => markRows(selected));
  useEffect(() => {
    if (outcome?.ok) setSelected(new Set(outcome.data.refused.map((one) => one.conversationId)));
  }, [outcome]);
  useEffect(() => {
    if (assignOutcome?.ok) setSelected(new Set(assignOutcome.data.refused.map((one) => one.conversationId)));
  }, [assignOutcome]);

  const run = (action: BulkAction) => {
    if (selected.size === 0 || pending) return;
    startTransition(() => dispatch({ conversationIds: [...selected], action: action.lifecycle.action, requestId: newRequestId() }));
  };
  const keys: HotkeyMap = {
    x: () => {
      const id = focusedId();
      if (!id) return;
      setSelected((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      });
    },
    Escape: () => {
      setSelected(new Set());
      setTagText(undefined);
      setAssignee(undefined);
    },
    // g: give the selection to someone (chosen in the bar, Enter applies it).
    g: () => {
      if (selected.size > 0) setAssignee(viewerId);
    },
    // t: tag the selection (typed in the bar, Enter applies it to every selected conversation).
    t: () => {
      if (selected.size > 0) setTagText('');
    },
  };
  for (const action of BULK_ACTIONS) keys[action.key] = () => run(action);
  useHotkeys(keys);

  const refused = [...(outcome?.ok ? outcome.data.refused : []), ...(assignOutcome?.ok ? assignOutcome.data.refused : [])];
  if (selected.size === 0 && refused.length === 0 && !(outcome && !outcome.ok) && !(tagOutcome && !tagOutcome.ok) && !(assignOutcome && !assignOutcome.ok)) return null;
  return (
    <div role="region" aria-label="Selection" className="space-y-1 rounded-md border border-slate-300 bg-brand-50 px-3 py-2 text-sm">
      <p aria-live="polite">
        <span className="font-semibold">{selected.size} selected</span>
        {pending ? ' · working…' : null}
        {BULK_ACTIONS.map((action) => (
          <span key={action.key} className="ml-3 text-slate-700">
            <Kbd>{action.key}</Kbd> {action.label}
          </span>
        ))}
        <span className="ml-3 text-slate-700">
          <Kbd>t</Kbd> Tag
        </span>
        <span className="ml-3 text-slate-700">
          <Kbd>g</Kbd> Assign
        </span>
        <span className="ml-3 text-slate-700">
          <Kbd>Esc</Kbd> clear
        </span>
      </p>
      {tagText !== undefined ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (tagText.trim()) startTransition(() => dispatchTag({ conversationIds: [...selected], add: [tagText], remove: [] }));
            setTagText(undefined);
          }}
        >
          <label className="flex items-center gap-2">
            Tag the selection
            <input autoFocus value={tagText} onChange={(event) => setTagText(event.target.value)} className="w-40 rounded border border-slate-300 px-2 py-0.5" />
          </label>
        </form>
      ) : null}
      {assignee !== undefined ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            startTransition(() => dispatchAssign({ conversationIds: [...selected], assigneeId: assignee }));
            setAssignee(undefined);
          }}
          className="flex items-center gap-2"
        >
          <label className="flex items-center gap-2">
            Assign the selection to
            <select autoFocus value={assignee} onChange={(event) => setAssignee(event.target.value)} className="rounded border border-slate-300 px-2 py-0.5">
              {team.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.id === viewerId ? `${member.name} (me)` : member.name}
                </option>
              ))}
              <option value="">Nobody</option>
            </select>
          </label>
          <button type="submit" className="rounded border border-slate-400 px-2 py-0.5">
            Assign
          </button>
        </form>
      ) : null}
      {assigning ? <p>Assigning…</p> : null}
      {assignOutcome && !assignOutcome.ok ? (
        <p role="alert" className="text-red-800">
          {assignOutcome.fieldErrors ? Object.values(assignOutcome.fieldErrors)[0] : assignOutcome.error}
        </p>
      ) : null}
      {tagging ? <p>Tagging…</p> : null}
      {tagOutcome && !tagOutcome.ok ? (
        <p role="alert" className="text-red-800">
          {tagOutcome.fieldErrors ? Object.values(tagOutcome.fieldErrors)[0] : tagOutcome.error}
        </p>
      ) : null}
      {outcome && !outcome.ok ? <p role="alert" className="text-red-800">{outcome.error}</p> : null}
      {refused.length > 0 ? (
        <ul role="alert" className="text-red-800">
          {refused.map((one) => (
            <li key={one.conversationId}>
              {one.conversationId}: {one.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
