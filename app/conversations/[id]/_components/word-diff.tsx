'use client';

import { diffWords } from 'diff';
import { useDeferredValue, useMemo } from 'react';
import { DiffParts } from '@/components/diff-parts';

/**
 * The agent's edit against the AI draft, word by word. Deferred, so a long draft never
 * makes typing lag: the diff catches up between keystrokes.
 */
export function WordDiff({ original, edited }: { original: string; edited: string }) {
  const deferred = useDeferredValue(edited);
  const parts = useMemo(() => diffWords(original, deferred), [original, deferred]);
  const changed = parts.reduce((sum, part) => sum + (part.added || part.removed ? part.value.length : 0), 0);
  return (
    <div>
      <p className="mb-1 text-xs text-slate-500">
        {changed === 0 ? 'No changes to the AI draft.' : `${changed} characters changed from the AI draft.`}
      </p>
      <div aria-label="Changes against the AI draft" className="max-h-64 overflow-auto whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-sm leading-relaxed ring-1 ring-inset ring-slate-200">
        <DiffParts parts={parts} />
      </div>
    </div>
  );
}
