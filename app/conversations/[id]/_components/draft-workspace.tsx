'use client';

import type { DraftView } from '@/lib/read/conversation/get-conversation-detail';
import { DecisionFeedback } from './decision-feedback';
import { DraftEditor } from './draft-editor';
import { HoldPanel } from './hold-panel';
import { useDecision } from './use-decision';

export type DraftMode = 'decide' | 'hold' | 'readonly';

/**
 * Owns the decision state for the conversation, above the per-draft editors: after a
 * decision the page refreshes (the draft becomes read-only, or a newer draft replaces it)
 * and the outcome, e.g. "already decided by someone else", must stay on screen.
 */
export function DraftWorkspace({
  conversationId,
  draft,
  mode,
  holdUntil,
  serverNow,
  note,
}: {
  conversationId: string;
  draft: DraftView;
  mode: DraftMode;
  holdUntil: string | null;
  serverNow: string;
  note?: string;
}) {
  const { outcome, pending, decide } = useDecision();
  // A success belongs to its version; once a newer draft is shown it is history.
  const stale = outcome?.ok === true && outcome.draftVersion < draft.version;
  // Cancelling a hold hands the same version to review, where it must stay decidable.
  const decided = outcome?.ok === true && outcome.draftVersion === draft.version && outcome.outcome !== 'auto_send_cancelled';
  return (
    <div className="space-y-3">
      {mode === 'decide' ? (
        <DraftEditor key={draft.id} conversationId={conversationId} draft={draft} decide={decide} pending={pending} decided={decided} />
      ) : mode === 'hold' ? (
        <HoldPanel key={draft.id} conversationId={conversationId} draft={draft} holdUntil={holdUntil} serverNow={serverNow} decide={decide} pending={pending} done={decided} />
      ) : (
        <>
          {note ? <p className="text-sm text-slate-600">{note}</p> : null}
          <div className="whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-sm leading-relaxed ring-1 ring-inset ring-slate-200">
            {draft.finalBody ?? draft.aiBody}
          </div>
        </>
      )}
      <DecisionFeedback outcome={stale ? null : outcome} />
    </div>
  );
}
