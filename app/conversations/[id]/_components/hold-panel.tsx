'use client';

import { Button } from '@/components/button';
import { Countdown } from '@/components/countdown';
import type { DraftView } from '@/lib/read/conversation/get-conversation-detail';
import type { Decide } from './use-decision';

/**
 * A draft the policy will send by itself when the hold ends. Cancelling moves it to review,
 * where it can be edited and decided like any other draft.
 */
export function HoldPanel({
  conversationId,
  draft,
  holdUntil,
  serverNow,
  decide,
  pending,
  done,
}: {
  conversationId: string;
  draft: DraftView;
  holdUntil: string | null;
  serverNow: string;
  decide: Decide;
  pending: boolean;
  done: boolean;
}) {
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2">
        <p className="text-sm text-amber-950">
          <span className="font-semibold">Auto-send on hold.</span>{' '}
          {holdUntil ? (
            <>
              Sends automatically in <Countdown until={holdUntil} serverNow={serverNow} doneText="a moment" className="font-semibold" />.
            </>
          ) : (
            'Sends automatically when the hold ends.'
          )}
        </p>
        <Button
          variant="danger"
          disabled={pending || done}
          onClick={() => decide({ action: 'cancel_hold', conversationId, draftVersion: draft.version })}
        >
          {pending ? 'Cancelling…' : 'Cancel auto-send'}
        </Button>
      </div>
      <div className="whitespace-pre-wrap rounded-md bg-white p-3 text-sm leading-relaxed ring-1 ring-inset ring-slate-200">{draft.aiBody}</div>
    </div>
  );
}
