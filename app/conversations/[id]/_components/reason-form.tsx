'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/button';

/** A short required text (reject reason, revision instructions) with submit and cancel. */
export function ReasonForm({
  label,
  placeholder,
  submitLabel,
  danger = false,
  maxLength,
  pending,
  onSubmit,
  onCancel,
}: {
  label: string;
  placeholder: string;
  submitLabel: string;
  danger?: boolean;
  maxLength: number;
  pending: boolean;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) onSubmit(text.trim());
  };
  return (
    <form onSubmit={submit} className="space-y-2 rounded-md bg-slate-50 p-3 ring-1 ring-inset ring-slate-200">
      <label className="block text-sm font-medium text-slate-800">
        {label}
        <textarea
          ref={field}
          value={text}
          required
          maxLength={maxLength}
          rows={3}
          placeholder={placeholder}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onCancel();
            if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) submit(event);
          }}
          className="mt-1 block w-full rounded-md border-0 p-2 text-sm font-normal ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500"
        />
      </label>
      <div className="flex items-center gap-2">
        <Button type="submit" variant={danger ? 'danger' : 'primary'} disabled={pending || text.trim() === ''}>
          {pending ? 'Sending…' : submitLabel}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <span className="text-xs text-slate-500">Ctrl+Enter submits · Esc cancels</span>
      </div>
    </form>
  );
}
