'use client';

import { useState } from 'react';
import type { DraftView } from '@/lib/read/conversation/get-conversation-detail';
import { DecisionFeedback } from './decision-feedback';
import { DraftEditor } from './draft-editor';
import { HoldPanel } from './hold-panel';
import { KeptText, type Typed } from './kept-text';
import { undoOf, useDecidedFrom, useMoveOn } from './move-on';
import { useDecision } from './use-decision';
import type { DraftVariantView } from '@/lib/read/conversation/get-draft-variants';
import { VariantPicker, primaryVariant } from './variant-picker';

export type DraftMode = 'decide' | 'hold' | 'readonly';

/** What a settled decision says on the next conversation. */
const MOVED_ON = { approved: 'Approved. The reply is being sent.', rejected: 'Rejected. No reply will be sent for this draft.' } as const;

/**
 * Owns the decision state for the conversation, above the per-draft editors: after a
 * decision the page refreshes (the draft becomes read-only, or a newer draft replaces it)
 * and the outcome, e.g. "already decided by someone else", must stay on screen. It also
 * holds what the agent typed, so a colleague's decision arriving live never takes it away
 * unannounced, and moves the agent on to the next conversation once theirs is settled.
 */
export function DraftWorkspace({
  conversationId,
  draft,
  mode,
  holdUntil,
  serverNow,
  note,
  recipient,
  subject,
  nextHref,
  undoSeconds,
  variants = [],
}: {
  conversationId: string;
  draft: DraftView;
  mode: DraftMode;
  holdUntil: string | null;
  serverNow: string;
  note?: string;
  recipient: string;
  subject: string;
  nextHref: string | null;
  /** The team's undo window for agents' sends (0: none); an approval carries its Undo to the next page. */
  undoSeconds: number;
  variants?: DraftVariantView[];
}) {
  const [chosen, setChosen] = useState(() => primaryVariant(variants, draft.aiBody));
  const pick = variants.find((side) => side.label === chosen && side.status === 'ok');
  // An A/B draft's editor holds the picked side's text, to approve as it is or edit.
  const shown = pick ? { ...draft, aiBody: pick.body } : draft;
  const { outcome, pending, decide: send } = useDecision();
  const decidedFrom = useDecidedFrom(nextHref);
  const decide: typeof send = (intent) => {
    decidedFrom.remember();
    send(intent);
  };
  const [typed, setTyped] = useState<Typed | null>(null);
  // A success belongs to its version; once a newer draft is shown it is history.
  const stale = outcome?.ok === true && outcome.draftVersion < draft.version;
  // Cancelling a hold hands the same version to review, where it must stay decidable.
  const decided = outcome?.ok === true && outcome.draftVersion === draft.version && outcome.outcome !== 'auto_send_cancelled';
  const settled = outcome?.ok === true && (outcome.outcome === 'approved' || outcome.outcome === 'rejected') ? MOVED_ON[outcome.outcome] : null;
  const undo = outcome?.ok === true && outcome.outcome === 'approved' ? undoOf(conversationId, outcome.draftVersion, undoSeconds) : undefined;
  const lastInQueue = useMoveOn(settled ? { message: settled, subject, fromHref: `/conversations/${encodeURIComponent(conversationId)}`, ...(undo ? { undo } : {}) } : null, decidedFrom.from);
  // The agent's own decision took their text with it; anything else that replaced the editor did not.
  const ownDecision = outcome?.ok === true && typed !== null && outcome.draftVersion === typed.version;
  const lost = typed !== null && !ownDecision && (mode !== 'decide' || draft.version !== typed.version);
  return (
    <div className="space-y-3">
      {lost ? (
        <KeptText
          typed={typed}
          change={draft.version !== typed.version ? `A newer draft (v${draft.version}) replaced v${typed.version}.` : (note ?? `Draft v${draft.version} is no longer waiting for a decision.`)}
          onDismiss={() => setTyped(null)}
        />
      ) : null}
      {variants.length > 0 ? <VariantPicker variants={variants} chosen={mode === 'decide' ? chosen : undefined} onChoose={setChosen} /> : null}
      {mode === 'decide' ? (
        <DraftEditor
          key={`${draft.id}:${pick?.label ?? ''}`}
          conversationId={conversationId}
          draft={shown}
          variant={pick?.label}
          decide={decide}
          pending={pending}
          decided={decided}
          recipient={recipient}
          initialBody={typed?.version === draft.version ? typed.body : undefined}
          onEdit={(body) => setTyped(body === shown.aiBody ? null : { version: draft.version, body })}
        />
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
      {lastInQueue ? <p className="text-sm text-slate-600">That was the last conversation in this queue.</p> : null}
    </div>
  );
}
