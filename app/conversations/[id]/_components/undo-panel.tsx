'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useEffect, useRef } from 'react';
import { Button } from '@/components/button';
import { Countdown } from '@/components/countdown';
import { newRequestId } from '@/lib/web/request-id';
import { undoSendAction } from '../actions';

/**
 * An agent's send waiting its undo window: Undo takes it back (nothing reaches the customer)
 * and the draft returns with the text as they left it. A click after the window is refused by
 * the workflow with the reason.
 */
export function UndoPanel({
  conversationId,
  draftVersion,
  until,
  serverNow,
  undoneHref,
}: {
  conversationId: string;
  draftVersion: number;
  until: string | null;
  serverNow: string;
  /** Shown on another page (the agent moved on): where the undone draft waits for them. */
  undoneHref?: string;
}) {
  const [outcome, dispatch, pending] = useActionState(undoSendAction, null);
  const router = useRouter();
  useEffect(() => {
    if (outcome?.ok && undoneHref) router.push(undoneHref);
  }, [outcome, undoneHref, router]);
  // One request id per window: a double click is one undo.
  const requestId = useRef(newRequestId());
  return (
    <div role="status" className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2">
      <p className="text-sm text-amber-950">
        <span className="font-semibold">Sending</span>{' '}
        {until ? (
          <>
            in <Countdown until={until} serverNow={serverNow} doneText="a moment" className="font-semibold" />
          </>
        ) : (
          'shortly'
        )}
        . You can still undo it.
      </p>
      <Button variant="danger" disabled={pending} onClick={() => startTransition(() => dispatch({ conversationId, draftVersion, requestId: requestId.current }))}>
        {pending ? 'Undoing…' : 'Undo'}
      </Button>
      {outcome && !outcome.ok ? (
        <p role="alert" className="w-full text-sm text-red-800">
          {outcome.message}
        </p>
      ) : null}
    </div>
  );
}
