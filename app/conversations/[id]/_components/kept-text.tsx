'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/button';
import { offerToComposer } from './compose-bridge';

export interface Typed {
  /** The draft version the agent was editing. */
  version: number;
  body: string;
}

/**
 * What the agent had typed into a draft that changed under them (a colleague decided it, the
 * customer wrote again): kept, with what changed, until they copy it, reuse it or let it go.
 */
export function KeptText({ typed, change, onDismiss }: { typed: Typed; change: string; onDismiss: () => void }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div role="alert" data-testid="kept-text" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p>
        <span className="font-semibold">This draft changed while you were editing it.</span> {change} Your text was not sent; it is kept here.
      </p>
      <label htmlFor={id} className="sr-only">
        Your unsent text for draft v{typed.version}
      </label>
      <textarea id={id} readOnly value={typed.body} rows={Math.min(12, typed.body.split('\n').length + 1)} className="w-full rounded-md border-0 bg-white p-2 text-sm text-slate-900 ring-1 ring-inset ring-amber-300" />
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => offerToComposer(typed.body)}>Use in your own reply</Button>
        <Button
          variant="ghost"
          onClick={() => {
            void navigator.clipboard?.writeText(typed.body).then(() => setCopied(true), () => setCopied(false));
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
        <Button variant="ghost" onClick={onDismiss}>
          Discard it
        </Button>
      </div>
    </div>
  );
}
