'use client';

import { Button } from '@/components/button';
import { useDecision } from './use-decision';

/** The knowledge behind a pending draft changed: a revision retrieves the current passages. */
export const REDRAFT_INSTRUCTIONS = 'The knowledge articles this draft relied on have changed. Write the reply again from the current reference passages.';

export function RedraftButton({ conversationId, draftVersion }: { conversationId: string; draftVersion: number }) {
  const { outcome, pending, decide } = useDecision();
  return (
    <span className="ml-1 inline-flex items-center gap-2">
      <Button size="sm" disabled={pending} onClick={() => decide({ action: 'revise', conversationId, draftVersion, instructions: REDRAFT_INSTRUCTIONS })}>
        {pending ? 'Asking…' : 'Redraft'}
      </Button>
      {outcome && !outcome.ok ? <span className="text-red-700">{outcome.message}</span> : null}
    </span>
  );
}
