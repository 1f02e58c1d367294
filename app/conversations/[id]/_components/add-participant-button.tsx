'use client';

import { useActionState } from 'react';
import { Button } from '@/components/button';
import type { ActionResult } from '@/lib/web/actions/action-result';
import { addParticipantAction } from '../actions';

interface AddParticipantButtonProps {
  conversationId: string;
  messageId: string;
  address: string;
}

/** Admits a sender into the other conversation: their later mail joins it. */
export function AddParticipantButton({ conversationId, messageId, address }: AddParticipantButtonProps) {
  const [result, formAction, pending] = useActionState<ActionResult<{ address: string }> | null, FormData>(addParticipantAction, null);
  if (result?.ok) return <span className="font-medium">{result.data.address} may now reply in that conversation.</span>;
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <input type="hidden" name="conversationId" value={conversationId} />
      <input type="hidden" name="messageId" value={messageId} />
      <Button type="submit" size="sm" disabled={pending}>
        Let {address} join that conversation
      </Button>
      {result && !result.ok ? <span className="text-red-700">{result.error}</span> : null}
    </form>
  );
}
