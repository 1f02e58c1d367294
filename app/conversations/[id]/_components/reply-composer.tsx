'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/button';
import { DECISION_LIMITS } from '@/lib/core/decisions/limits';
import { ReplyAttachments, type UploadedFile } from './reply-attachments';
import { ReplyFeedback } from './reply-feedback';
import { useAgentReply } from './use-agent-reply';
import { insertAtCursor, isPickerKey, SavedReplyPicker } from './saved-reply-picker';
import { Kbd } from '@/components/kbd';
import { CollisionWarning } from './team/collision-warning';
import { usePresence, useWritingPresence } from './team/presence-provider';
import { useComposerOffers } from './compose-bridge';
import { undoOf, useDecidedFrom, useMoveOn } from './move-on';
import { sendButtonLabel, useConfirmSend } from './use-confirm-send';
import { useUnsentReply } from './use-unsent-reply';

/**
 * The agent writes the reply themselves: with no draft, after a reject, after Claude failed,
 * or instead of the draft on screen (which is then set aside). Sending is confirmed like every
 * send (useConfirmSend: the button twice, or Ctrl/⌘+Enter twice in the box). Once the reply is
 * queued the agent moves on to the next conversation. Unsent text survives closing the box and
 * leaving the page (useUnsentReply).
 */
export function ReplyComposer({
  conversationId,
  customerEmail,
  startText,
  replacing,
  defaultOpen,
  subject = '',
  nextHref = null,
  undoSeconds = 0,
}: {
  conversationId: string;
  customerEmail: string;
  /** Text Claude left unfinished (cut off, refused): offered as a starting point, never sent as is. */
  startText: string | null;
  /** The draft version this reply sets aside, when one is open. */
  replacing: number | null;
  defaultOpen: boolean;
  subject?: string;
  /** The next conversation in the agent's queue, where they go once the reply is queued. */
  nextHref?: string | null;
  /** The team's undo window for agents' sends (0: none): the Undo goes with the agent to the next page. */
  undoSeconds?: number;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const { body, setBody, restored, clear } = useUnsentReply(conversationId);
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [picking, setPicking] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const { outcome, pending, send } = useAgentReply();
  const sent = outcome?.ok === true;
  // Queued for sending: the kept copy has done its job.
  useEffect(() => {
    if (sent) clear();
  }, [sent, clear]);
  // Collision detection: a colleague writing a reply is named before this agent starts one.
  const { othersWriting } = usePresence();
  const [acknowledged, setAcknowledged] = useState(false);
  const [warning, setWarning] = useState(false);
  const mustWarn = othersWriting.length > 0 && !acknowledged && body === '' && !sent;
  useWritingPresence('composer', !sent && !mustWarn && ((open && !defaultOpen) || body !== ''));
  const decidedFrom = useDecidedFrom(nextHref);
  const { armed, press } = useConfirmSend(() => {
    decidedFrom.remember();
    send({ action: 'compose', conversationId, body, attachmentIds: files.map((file) => file.id) });
  });
  const click = () => {
    if (!pending && !sent && !mustWarn && body.trim() !== '') press();
  };
  useComposerOffers((text) => {
    setOpen(true);
    setBody((current) => (current.trim() === '' ? text : `${current}\n\n${text}`));
  });
  useMoveOn(
    outcome?.ok === true && outcome.outcome === 'reply_queued'
      ? {
          message: `Your reply (v${outcome.draftVersion}) is being sent.`,
          subject,
          fromHref: `/conversations/${encodeURIComponent(conversationId)}`,
          ...(undoSeconds > 0 ? { undo: undoOf(conversationId, outcome.draftVersion, undoSeconds) } : {}),
        }
      : null,
    decidedFrom.from,
  );

  if (!open) {
    if (warning && mustWarn) {
      return (
        <CollisionWarning
          writers={othersWriting}
          onContinue={() => {
            setAcknowledged(true);
            setOpen(true);
          }}
          onCancel={() => setWarning(false)}
        />
      );
    }
    return (
      <div className="flex items-center gap-2">
        <Button onClick={() => (mustWarn ? setWarning(true) : setOpen(true))}>{body !== '' ? 'Continue your unsent reply…' : 'Write your own reply…'}</Button>
        {restored && body !== '' ? <span className="text-xs text-slate-500">kept from earlier in this tab</span> : null}
        {replacing !== null ? <span className="text-xs text-slate-500">instead of draft v{replacing}</span> : null}
      </div>
    );
  }
  return (
    <section aria-labelledby="compose-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="compose-heading" className="text-sm font-semibold">
        Your reply{replacing !== null ? ` (sets draft v${replacing} aside)` : ''}
      </h2>
      {mustWarn ? <CollisionWarning writers={othersWriting} onContinue={() => setAcknowledged(true)} /> : null}
      {othersWriting.length > 0 && !mustWarn && !sent ? <p className="text-xs font-medium text-amber-800">{othersWriting.join(', ')} also writing a reply.</p> : null}
      <label htmlFor="reply-composer" className="sr-only">
        Reply to {customerEmail}
      </label>
      <textarea
        id="reply-composer"
        ref={field}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (isPickerKey(event)) {
            event.preventDefault();
            setPicking(true);
          } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            click();
          }
        }}
        aria-keyshortcuts="Control+/ Control+Enter Meta+Enter"
        disabled={pending || sent}
        readOnly={mustWarn}
        maxLength={DECISION_LIMITS.editedBody}
        rows={10}
        placeholder={`Write to ${customerEmail}…`}
        className="w-full rounded-md border-0 p-3 text-sm leading-relaxed ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 disabled:bg-slate-50"
      />
      <ReplyAttachments conversationId={conversationId} files={files} onChange={setFiles} disabled={pending || sent} />
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="primary" onClick={click} disabled={pending || sent || body.trim() === ''}>
          {sendButtonLabel({ pending, armed, recipient: customerEmail, idle: 'Send reply' })}
        </Button>
        <Button variant="ghost" onClick={() => setPicking(true)} disabled={pending || sent} aria-keyshortcuts="Control+/">
          Saved reply… <Kbd>Ctrl+/</Kbd>
        </Button>
        {startText && body === '' ? (
          <Button variant="ghost" onClick={() => setBody(startText)} disabled={pending || sent}>
            Start from Claude’s unfinished text
          </Button>
        ) : null}
        {!defaultOpen && !sent ? (
          <Button variant="ghost" onClick={() => setOpen(false)} disabled={pending}>
            Cancel
          </Button>
        ) : null}
      </div>
      <ReplyFeedback outcome={outcome} />
      <SavedReplyPicker
        conversationId={conversationId}
        open={picking}
        purpose="insert"
        onClose={() => {
          setPicking(false);
          field.current?.focus();
        }}
        onPick={(text) => setBody(insertAtCursor(body, text, field.current))}
      />
    </section>
  );
}
