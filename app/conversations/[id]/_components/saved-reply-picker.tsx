'use client';

import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/button';
import { applySavedReplyAction, listSavedRepliesAction } from '../actions';

interface Offered {
  id: string;
  title: string;
  preview: string;
}

/**
 * Ctrl+/ (or the button) opens a searchable list of saved replies; Enter or a click renders the
 * chosen one for this conversation on the server and hands the text back. A variable with no
 * value keeps the dialog open with the message naming it.
 */
export function SavedReplyPicker({
  conversationId,
  open,
  purpose,
  onClose,
  onPick,
}: {
  conversationId: string;
  open: boolean;
  purpose: 'insert' | 'revise';
  onClose: () => void;
  onPick: (text: string) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [offered, setOffered] = useState<Offered[] | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      setQuery('');
      setActive(0);
      setMessage(null);
      startTransition(async () => {
        const result = await listSavedRepliesAction(null, {});
        if (result.ok) setOffered(result.data);
        else setMessage(result.error);
      });
    }
    if (!open && element.open) element.close();
  }, [open]);

  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = (offered ?? []).filter((reply) => words.every((word) => `${reply.title} ${reply.preview}`.toLowerCase().includes(word)));

  const choose = (reply: Offered | undefined) => {
    if (!reply) return;
    setMessage(null);
    startTransition(async () => {
      const result = await applySavedReplyAction(null, { id: reply.id, conversationId });
      if (!result.ok) return setMessage(result.error);
      if (!result.data.ok) return setMessage(result.data.message);
      onPick(result.data.text);
      onClose();
    });
  };

  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby={titleId} className="m-auto w-full max-w-lg rounded-lg p-0 shadow-xl backdrop:bg-slate-900/30">
      <div className="space-y-3 p-4">
        <h2 id={titleId} className="text-sm font-semibold text-slate-900">
          {purpose === 'insert' ? 'Insert a saved reply' : 'Revise with a saved reply'}
        </h2>
        <input
          type="search"
          autoFocus
          aria-label="Search saved replies"
          placeholder="Search by title or text…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, shown.length - 1));
            else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0));
            else if (event.key === 'Enter') choose(shown[active]);
            else return;
            event.preventDefault();
          }}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        {message ? (
          <p role="alert" className="text-sm text-red-700">
            {message}
          </p>
        ) : null}
        <ul role="listbox" aria-label="Saved replies" className="max-h-72 space-y-1 overflow-y-auto">
          {offered === null ? <li className="text-sm text-slate-600">Loading…</li> : null}
          {offered !== null && shown.length === 0 ? <li className="text-sm text-slate-600">No saved reply matches. Managers add them under Saved replies.</li> : null}
          {shown.map((reply, index) => (
            <li
              key={reply.id}
              role="option"
              aria-selected={index === active}
              onClick={() => choose(reply)}
              className={`cursor-pointer rounded-md px-2 py-1.5 text-sm ${index === active ? 'bg-brand-50 ring-1 ring-brand-300' : 'hover:bg-slate-50'}`}
            >
              <span className="font-medium text-slate-900">{reply.title}</span>
              <span className="block truncate text-xs text-slate-600">{reply.preview}</span>
            </li>
          ))}
        </ul>
        <div className="flex items-center justify-between">
          <span className="text-xs text-slate-600">↑↓ choose · Enter {purpose === 'insert' ? 'inserts' : 'sends to Claude'} · Esc closes</span>
          <Button onClick={onClose} disabled={pending}>
            Close
          </Button>
        </div>
      </div>
    </dialog>
  );
}

/** Ctrl+/ (Cmd+/ on a Mac) in a reply box: the picker's shortcut. */
export function isPickerKey(event: { key: string; ctrlKey: boolean; metaKey: boolean }): boolean {
  return event.key === '/' && (event.ctrlKey || event.metaKey);
}

/** The text with `inserted` placed at the textarea's cursor (or at the end). */
export function insertAtCursor(current: string, inserted: string, field: HTMLTextAreaElement | null): string {
  const start = field?.selectionStart ?? current.length;
  const end = field?.selectionEnd ?? current.length;
  return current.slice(0, start) + inserted + current.slice(end);
}
