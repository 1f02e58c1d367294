'use client';

import { useRef, useState } from 'react';
import { Button } from '@/components/button';
import { Kbd } from '@/components/kbd';
import { useHotkeys } from '@/components/use-hotkeys';
import type { DraftView } from '@/lib/read/conversation/get-conversation-detail';
import { ReasonForm } from './reason-form';
import { DECISION_LIMITS } from '@/lib/core/decisions/limits';
import type { Decide } from './use-decision';
import type { VariantLabel } from '@/lib/core/ab/variants';
import { WordDiff } from './word-diff';
import { ReplyAttachments, type UploadedFile } from './reply-attachments';
import { insertAtCursor, isPickerKey, SavedReplyPicker } from './saved-reply-picker';
import { CollisionWarning } from './team/collision-warning';
import { usePresence, useWritingPresence } from './team/presence-provider';
import { sendButtonLabel, useConfirmSend } from './use-confirm-send';

/**
 * The review surface for a draft awaiting a decision: edit with a live diff against the AI
 * draft, then approve & send, reject with a reason, or ask Claude to revise. Keys: e edits,
 * a or the button arms approve and a second press sends (useConfirmSend), r opens revise.
 * What the agent types is reported up (onEdit), so it outlives this editor.
 */
export function DraftEditor({
  conversationId,
  draft,
  decide,
  pending,
  decided,
  recipient,
  initialBody,
  onEdit,
  variant,
}: {
  conversationId: string;
  draft: DraftView;
  decide: Decide;
  pending: boolean;
  decided: boolean;
  recipient: string;
  initialBody?: string;
  onEdit: (body: string) => void;
  /** The side of an A/B draft being decided (lib/core/ab): it travels with the approval. */
  variant?: VariantLabel;
}) {
  // An undone send comes back with the agent's own text (finalBody); otherwise Claude's draft.
  const [body, setBody] = useState(initialBody ?? draft.finalBody ?? draft.aiBody);
  const [panel, setPanel] = useState<'none' | 'reject' | 'revise'>('none');
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [picker, setPicker] = useState<'none' | 'insert' | 'revise'>('none');
  const editor = useRef<HTMLTextAreaElement>(null);
  const edited = body !== draft.aiBody;
  // Collision detection: a colleague writing a reply is named before this agent starts; their
  // own edit or focus then marks this tab as writing for everyone else.
  const { othersWriting } = usePresence();
  const [acknowledged, setAcknowledged] = useState(false);
  const [focused, setFocused] = useState(false);
  const mustWarn = othersWriting.length > 0 && !acknowledged && !edited && !decided;
  useWritingPresence('draft-editor', !decided && !mustWarn && (edited || focused));

  const change = (next: string) => {
    setBody(next);
    onEdit(next);
  };
  const { armed, press } = useConfirmSend(() =>
    decide({ action: 'approve', conversationId, draftVersion: draft.version, editedBody: edited ? body : undefined, attachmentIds: files.map((file) => file.id), ...(variant ? { variant } : {}) }),
  );
  const approve = () => {
    if (!pending && !decided && !mustWarn && body.trim() !== '') press();
  };

  useHotkeys({
    e: () => editor.current?.focus(),
    a: approve,
    r: () => setPanel('revise'),
  });

  return (
    <div className="space-y-3">
      {mustWarn ? <CollisionWarning writers={othersWriting} onContinue={() => setAcknowledged(true)} /> : null}
      {othersWriting.length > 0 && !mustWarn && !decided ? <p className="text-xs font-medium text-amber-800">{othersWriting.join(', ')} also writing a reply.</p> : null}
      <label htmlFor="draft-editor" className="sr-only">
        Reply to send (draft version {draft.version})
      </label>
      <textarea
        id="draft-editor"
        ref={editor}
        value={body}
        onChange={(event) => change(event.target.value)}
        onKeyDown={(event) => {
          if (!isPickerKey(event)) return;
          event.preventDefault();
          setPicker('insert');
        }}
        aria-keyshortcuts="Control+/"
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        readOnly={mustWarn}
        disabled={pending || decided}
        rows={Math.min(24, Math.max(8, body.split('\n').length + 1))}
        className="w-full rounded-md border-0 p-3 font-sans text-sm leading-relaxed text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 disabled:bg-slate-50"
      />
      {edited ? <WordDiff original={draft.aiBody} edited={body} /> : null}
      <ReplyAttachments conversationId={conversationId} files={files} onChange={setFiles} disabled={pending || decided} what="the draft" />

      <div className="flex flex-wrap items-center gap-2">
        <Button variant="primary" onClick={approve} disabled={pending || decided || mustWarn || body.trim() === ''} aria-keyshortcuts="a">
          {sendButtonLabel({ pending, armed, recipient, idle: edited ? 'Approve edited & send' : 'Approve & send' })}
          <Kbd>a</Kbd>
        </Button>
        <Button onClick={() => setPanel('revise')} disabled={pending || decided} aria-expanded={panel === 'revise'} aria-keyshortcuts="r">
          Revise… <Kbd>r</Kbd>
        </Button>
        <Button variant="danger" onClick={() => setPanel('reject')} disabled={pending || decided} aria-expanded={panel === 'reject'}>
          Reject…
        </Button>
        {edited && !decided ? (
          <Button variant="ghost" onClick={() => change(draft.aiBody)} disabled={pending}>
            Reset to AI draft
          </Button>
        ) : null}
        <Button variant="ghost" onClick={() => setPicker('insert')} disabled={pending || decided} aria-keyshortcuts="Control+/">
          Saved reply… <Kbd>Ctrl+/</Kbd>
        </Button>
        <Button variant="ghost" onClick={() => setPicker('revise')} disabled={pending || decided}>
          Ask Claude with a saved reply…
        </Button>
        <span className="ml-auto text-xs text-slate-500">
          <Kbd>e</Kbd> edit
        </span>
      </div>

      <SavedReplyPicker
        conversationId={conversationId}
        open={picker !== 'none'}
        purpose={picker === 'revise' ? 'revise' : 'insert'}
        onClose={() => {
          setPicker('none');
          if (picker === 'insert') editor.current?.focus();
        }}
        onPick={(text) => {
          if (picker === 'revise') decide({ action: 'revise', conversationId, draftVersion: draft.version, instructions: text.slice(0, DECISION_LIMITS.instructions) });
          else change(insertAtCursor(body, text, editor.current));
        }}
      />
      {panel === 'revise' ? (
        <ReasonForm
          label="What should Claude change?"
          placeholder="e.g. Offer a refund instead of store credit, and keep it shorter."
          submitLabel="Request revision"
          maxLength={DECISION_LIMITS.instructions}
          pending={pending}
          onCancel={() => setPanel('none')}
          onSubmit={(instructions) => decide({ action: 'revise', conversationId, draftVersion: draft.version, instructions })}
        />
      ) : null}
      {panel === 'reject' ? (
        <ReasonForm
          label="Why reject this draft? No reply will be sent."
          placeholder="e.g. Needs a call with the customer; handled outside Countersign."
          submitLabel="Reject draft"
          maxLength={DECISION_LIMITS.reason}
          danger
          pending={pending}
          onCancel={() => setPanel('none')}
          onSubmit={(reason) => decide({ action: 'reject', conversationId, draftVersion: draft.version, reason })}
        />
      ) : null}
    </div>
  );
}
