'use client';

import { Button } from '@/components/button';
import { useFormAction } from '@/components/use-form-action';
import type { ActionResult } from '@/lib/web/actions/action-result';
import { NOTE_MAX_CHARS } from '@/lib/features/notes/note-schema';
import { addNoteAction } from '../../team-actions';

export interface NoteItem {
  id: string;
  authorName: string;
  body: string;
  mentionedNames: string[];
  at: string;
}

type Result = ActionResult<{ mentioned: string[] }> | null;

/** Notes for the team: never sent to the customer. `@name` or `@email` tells a colleague. */
export function NotesPanel({ conversationId, notes }: { conversationId: string; notes: NoteItem[] }) {
  const { state, pending, formRef, onSubmit } = useFormAction<Result>(addNoteAction, null, (result) => result?.ok === true);
  return (
    <section aria-labelledby="notes-heading" className="space-y-2 rounded-lg border border-amber-200 bg-amber-50/40 p-3 text-sm">
      <h2 id="notes-heading" className="text-xs font-semibold uppercase tracking-wide text-slate-600">
        Team notes <span className="font-normal normal-case">(never sent to the customer)</span>
      </h2>
      {notes.length > 0 ? (
        <ol aria-label="Notes" className="space-y-2">
          {notes.map((note) => (
            <li key={note.id} className="rounded-md bg-white p-2 ring-1 ring-inset ring-amber-200">
              <p className="text-xs text-slate-600">
                {note.authorName} · <time dateTime={note.at}>{new Date(note.at).toLocaleString()}</time>
              </p>
              <p className="whitespace-pre-wrap break-words text-slate-900">{note.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      <form ref={formRef} onSubmit={onSubmit} className="space-y-1">
        <input type="hidden" name="conversationId" value={conversationId} />
        <label htmlFor="note-body" className="sr-only">
          Note for the team
        </label>
        <textarea
          id="note-body"
          name="body"
          rows={3}
          maxLength={NOTE_MAX_CHARS}
          placeholder="Note for the team; @name tells a colleague"
          className="w-full rounded-md border-0 p-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500"
        />
        <div className="flex items-center gap-2">
          <Button type="submit" size="sm" disabled={pending}>
            Add note
          </Button>
          {state?.ok && state.data.mentioned.length > 0 ? <span className="text-xs text-slate-600">Told {state.data.mentioned.join(', ')}.</span> : null}
        </div>
        {state && !state.ok ? (
          <p role="alert" className="text-red-700">
            {state.fieldErrors?.body ?? state.error}
          </p>
        ) : null}
      </form>
    </section>
  );
}
