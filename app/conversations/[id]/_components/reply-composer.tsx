'use client';

import { useState } from 'react';
import { Button } from '@/components/button';
import { DECISION_LIMITS } from '@/lib/core/decisions/limits';
import { ReplyAttachments, type UploadedFile } from './reply-attachments';
import { ReplyFeedback } from './reply-feedback';
import { useAgentReply } from './use-agent-reply';
import { useComposerOffers } from './compose-bridge';
import { useDecidedFrom, useMoveOn } from './move-on';
import { sendButtonLabel, useConfirmSend } from './use-confirm-send';

/**
 * The agent writes the reply themselves: with no draft, after a reject, after Claude failed,
 * or instead of the draft on screen (which is then set aside). Sending is confirmed like every
 * send (useConfirmSend: the button twice, or Ctrl/⌘+Enter twice in the box). Once the reply is
 * queued the agent moves on to the next conversation.
 */
export function ReplyComposer({
  conversationId,
  customerEmail,
  startText,
  replacing,
  defaultOpen,
  subject = '',
  nextHref = null,
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
}) {
  const [open, setOpen] = useState(defaultOpen);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const { outcome, pending, send } = useAgentReply();
  const sent = outcome?.ok === true;
  const decidedFrom = useDecidedFrom(nextHref);
  const { armed, press } = useConfirmSend(() => {
    decidedFrom.remember();
    send({ action: 'compose', conversationId, body, attachmentIds: files.map((file) => file.id) });
  });
  const click = () => {
    if (!pending && !sent && body.trim() !== '') press();
  };
  useComposerOffers((text) => {
    setOpen(true);
    setBody((current) => (current.trim() === '' ? text : `${current}\n\n${text}`));
  });
  useMoveOn(
    outcome?.ok === true && outcome.outcome === 'reply_queued'
      ? { message: `Your reply (v${outcome.draftVersion}) is being sent.`, subject, fromHref: `/conversations/${encodeURIComponent(conversationId)}` }
      : null,
    decidedFrom.from,
  );

  if (!open) {
    return (
      <div className="flex items-center gap-2">
        <Button onClick={() => setOpen(true)}>Write your own reply…</Button>
        {replacing !== null ? <span className="text-xs text-slate-500">instead of draft v{replacing}</span> : null}
      </div>
    );
  }
  return (
    <section aria-labelledby="compose-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="compose-heading" className="text-sm font-semibold">
        Your reply{replacing !== null ? ` (sets draft v${replacing} aside)` : ''}
      </h2>
      <label htmlFor="reply-composer" className="sr-only">
        Reply to {customerEmail}
      </label>
      <textarea
        id="reply-composer"
        value={body}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            click();
          }
        }}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        disabled={pending || sent}
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
    </section>
  );
}
