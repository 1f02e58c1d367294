'use client';

import { useRef, useState } from 'react';
import { Button } from '@/components/button';
import { DECISION_LIMITS } from '@/lib/core/decisions/limits';
import { ReplyAttachments, type UploadedFile } from './reply-attachments';
import { ReplyFeedback } from './reply-feedback';
import { useAgentReply } from './use-agent-reply';
import { insertAtCursor, isPickerKey, SavedReplyPicker } from './saved-reply-picker';
import { Kbd } from '@/components/kbd';
import { CollisionWarning } from './team/collision-warning';
import { usePresence, useWritingPresence } from './team/presence-provider';

const ARM_MS = 4_000;

/**
 * The agent writes the reply themselves: with no draft, after a reject, after Claude failed,
 * or instead of the draft on screen (which is then set aside). Sending takes two clicks, the
 * second naming the recipient: an email cannot be unsent.
 */
export function ReplyComposer({
  conversationId,
  customerEmail,
  startText,
  replacing,
  defaultOpen,
}: {
  conversationId: string;
  customerEmail: string;
  /** Text Claude left unfinished (cut off, refused): offered as a starting point, never sent as is. */
  startText: string | null;
  /** The draft version this reply sets aside, when one is open. */
  replacing: number | null;
  defaultOpen: boolean;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const [body, setBody] = useState('');
  const [armed, setArmed] = useState(false);
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [picking, setPicking] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const disarm = useRef<ReturnType<typeof setTimeout>>(undefined);
  const { outcome, pending, send } = useAgentReply();
  const sent = outcome?.ok === true;
  // Collision detection: a colleague writing a reply is named before this agent starts one.
  const { othersWriting } = usePresence();
  const [acknowledged, setAcknowledged] = useState(false);
  const [warning, setWarning] = useState(false);
  const mustWarn = othersWriting.length > 0 && !acknowledged && body === '' && !sent;
  useWritingPresence('composer', !sent && !mustWarn && ((open && !defaultOpen) || body !== ''));

  const click = () => {
    if (!armed) {
      setArmed(true);
      clearTimeout(disarm.current);
      disarm.current = setTimeout(() => setArmed(false), ARM_MS);
      return;
    }
    setArmed(false);
    send({ action: 'compose', conversationId, body, attachmentIds: files.map((file) => file.id) });
  };

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
        <Button onClick={() => (mustWarn ? setWarning(true) : setOpen(true))}>Write your own reply…</Button>
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
          if (!isPickerKey(event)) return;
          event.preventDefault();
          setPicking(true);
        }}
        aria-keyshortcuts="Control+/"
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
          {pending ? 'Sending…' : armed ? `Click again to send to ${customerEmail}` : 'Send reply'}
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
