'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/button';
import type { ActionResult } from '@/lib/web/actions/action-result';
import { reviewAutoSentReplyAction } from '../actions';

type ReviewResult = ActionResult<{ demoted: string | null }> | null;

/** Fine, or "should not have gone out" with a reason: an agent's verdict on an automatic reply. */
export function AutoSentReview({ conversationId, draftVersion }: { conversationId: string; draftVersion: number }) {
  const [result, formAction, pending] = useActionState<ReviewResult, FormData>(reviewAutoSentReplyAction, null);
  const [flagging, setFlagging] = useState(false);
  if (result?.ok) {
    return (
      <p role="status" className="text-sm text-slate-700">
        Review recorded.{result.data.demoted ? ` ${result.data.demoted}` : ''}
      </p>
    );
  }
  return (
    <form action={formAction} className="space-y-2" aria-label={`Review automatic reply v${draftVersion}`}>
      <input type="hidden" name="conversationId" value={conversationId} />
      <input type="hidden" name="draftVersion" value={draftVersion} />
      {flagging ? (
        <>
          <input type="hidden" name="verdict" value="should_not_have_gone_out" />
          <label className="block text-sm font-medium text-slate-800">
            What was wrong with it?
            <textarea
              name="reason"
              required
              minLength={3}
              maxLength={1000}
              rows={3}
              className="mt-1 block w-full rounded-md border-0 p-2 text-sm font-normal ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500"
            />
          </label>
          <div className="flex gap-2">
            <Button type="submit" variant="danger" disabled={pending}>
              Mark “should not have gone out”
            </Button>
            <Button variant="ghost" onClick={() => setFlagging(false)}>
              Cancel
            </Button>
          </div>
        </>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="verdict" value="ok" variant="primary" disabled={pending}>
            Fine as sent
          </Button>
          <Button variant="danger" onClick={() => setFlagging(true)} disabled={pending}>
            Should not have gone out…
          </Button>
        </div>
      )}
      {result && !result.ok ? (
        <p role="alert" className="text-xs text-red-700">
          {result.fieldErrors?.reason ?? result.error}
        </p>
      ) : null}
    </form>
  );
}
