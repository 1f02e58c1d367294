import { Badge, type BadgeTone } from '@/components/badge';
import { RelativeTime } from '@/components/relative-time';
import type { ConversationHeader, DraftView } from '@/lib/read/conversation/get-conversation-detail';
import { DraftWorkspace } from './draft-workspace';
import { UndoPanel } from './undo-panel';
import type { DraftVariantView } from '@/lib/read/conversation/get-draft-variants';

const DRAFT_STATUS: Record<string, { label: string; tone: BadgeTone; note?: string }> = {
  pending: { label: 'Awaiting decision', tone: 'brand' },
  approved: { label: 'Approved', tone: 'success', note: 'Approved; the reply is being sent.' },
  sent: { label: 'Sent', tone: 'success', note: 'This reply was sent to the customer.' },
  rejected: { label: 'Rejected', tone: 'neutral', note: 'Rejected: no reply was sent for this draft.' },
  superseded: { label: 'Superseded', tone: 'warning', note: 'The customer wrote again before a decision; a new draft replaces this one.' },
  revising: { label: 'Revising', tone: 'info', note: 'Claude is revising this draft as instructed.' },
  failed: { label: 'Send failed', tone: 'danger', note: 'The mail server refused this reply. See the timeline.' },
  unusable: {
    label: 'Unusable',
    tone: 'danger',
    note: 'Claude could not finish this draft (see why above). It can never be sent as it is; write the reply yourself, starting from it if it helps.',
  },
  replaced: { label: 'Set aside', tone: 'neutral', note: 'An agent wrote the reply instead of this draft.' },
};

const DECIDABLE = new Set(['awaiting_approval', 'escalated']);

/** The current draft: editable when awaiting a decision, cancellable on hold, read-only after. */
export function DraftSection({
  conversation,
  draft,
  drafts,
  serverNow,
  nextHref = null,
  undoSeconds,
  variants = [],
}: {
  conversation: ConversationHeader;
  draft: DraftView | null;
  drafts: DraftView[];
  serverNow: string;
  /** The next conversation in the agent's queue: where a settled decision takes them. */
  nextHref?: string | null;
  undoSeconds: number;
  /** The sides of an A/B draft (lib/core/ab), shown side by side for the agent to pick one. */
  variants?: DraftVariantView[];
}) {
  if (!draft) {
    const working = ['received', 'classifying', 'drafting'].includes(conversation.status);
    const person = conversation.status === 'needs_person';
    return (
      <section aria-labelledby="draft-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="draft-heading" className="text-sm font-semibold">Reply draft</h2>
        <p className="mt-2 text-sm text-slate-600">
          {working ? 'Claude is working on a draft…' : person ? 'Claude did not draft a reply: write it yourself below.' : 'No draft for this conversation.'}
        </p>
      </section>
    );
  }
  const status = DRAFT_STATUS[draft.status] ?? { label: draft.status, tone: 'neutral' as const };
  const onHold = conversation.status === 'auto_send_hold' && draft.status === 'pending';
  const decidable = DECIDABLE.has(conversation.status) && draft.status === 'pending';
  const older = drafts.filter((other) => other.id !== draft.id);
  return (
    <section aria-labelledby="draft-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="draft-heading" className="text-sm font-semibold">
          Reply draft <span className="tabular-nums">v{draft.version}</span>
        </h2>
        <Badge tone={onHold ? 'warning' : status.tone}>{onHold ? 'On hold' : status.label}</Badge>
        <span className="text-xs text-slate-500">
          {draft.origin === 'agent' ? 'written by an agent' : draft.origin === 'assembled' ? 'approved answer, assembled by code' : draft.model}
          {draft.stopReason && draft.stopReason !== 'end_turn' ? ` · stopped: ${draft.stopReason}` : ''} ·{' '}
          <RelativeTime date={draft.createdAt.toISOString()} serverNow={serverNow} />
        </span>
      </div>
      {draft.revisionInstructions ? (
        <p className="text-xs text-slate-600">
          <span className="font-medium">Revised as asked:</span> {draft.revisionInstructions}
        </p>
      ) : null}
      {conversation.status === 'undo_window' ? (
        <UndoPanel conversationId={conversation.id} draftVersion={draft.version} until={conversation.holdUntil?.toISOString() ?? null} serverNow={serverNow} />
      ) : null}
      <DraftWorkspace
        key={conversation.id}
        conversationId={conversation.id}
        draft={draft}
        mode={decidable ? 'decide' : onHold ? 'hold' : 'readonly'}
        holdUntil={conversation.holdUntil?.toISOString() ?? null}
        serverNow={serverNow}
        note={status.note}
        recipient={conversation.customerEmail}
        subject={conversation.subject}
        nextHref={nextHref}
        undoSeconds={undoSeconds}
        variants={variants}
      />
      {older.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-xs font-medium text-slate-600">Earlier versions ({older.length})</summary>
          <ol className="mt-2 space-y-2">
            {older.map((version) => (
              <li key={version.id} className="rounded-md bg-slate-50 p-2 ring-1 ring-inset ring-slate-200">
                <p className="text-xs text-slate-500">
                  v{version.version} · {DRAFT_STATUS[version.status]?.label ?? version.status}
                </p>
                <p className="mt-1 whitespace-pre-wrap text-slate-700">{version.finalBody ?? version.aiBody}</p>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}
