'use client';

import { useState } from 'react';
import { Button } from '@/components/button';
import type { SendView } from '@/lib/read/conversation/get-conversation-detail';
import { countOf } from '@/lib/web/format';
import { ReplyFeedback } from './reply-feedback';
import { useAgentReply } from './use-agent-reply';

/** What the outbox (the local mail catcher) says about the reply's Message-ID. */
export type OutboxFinding =
  | { kind: 'found'; receivedAt: string }
  | { kind: 'not_found' }
  | { kind: 'relay' }
  | { kind: 'unreachable'; message: string };

function Finding({ finding, messageId }: { finding: OutboxFinding; messageId: string }) {
  switch (finding.kind) {
    case 'found':
      return (
        <p className="font-semibold text-red-800">
          The outbox has this reply (caught {new Date(finding.receivedAt).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC): the customer probably
          received it. Resending would send it a second time.
        </p>
      );
    case 'not_found':
      return <p>The outbox has no message with this Message-ID: it was not delivered to the relay.</p>;
    case 'relay':
      return (
        <p>
          Replies go through your mail server, which Countersign cannot read. Search the relay’s log for Message-ID{' '}
          <code className="break-all">{messageId}</code> before resending.
        </p>
      );
    case 'unreachable':
      return <p>The outbox could not be checked: {finding.message}</p>;
  }
}

/**
 * A reply whose send failed or is uncertain. Resending needs an explicit confirmation after
 * seeing what the ledger and the outbox hold; it goes out under the same Message-ID, through
 * the same ledger, so a reply that did go out is never sent twice by mistake.
 */
export function ResendPanel({ conversationId, send, finding }: { conversationId: string; send: SendView; finding: OutboxFinding }) {
  const [confirmed, setConfirmed] = useState(false);
  const { outcome, pending, send: dispatch } = useAgentReply();
  const ledgerStatus = send.status === 'failed' ? 'failed' : 'sending';
  const done = outcome?.ok === true;
  return (
    <section aria-labelledby="resend-heading" className="space-y-2 rounded-lg border-2 border-red-300 bg-white p-4 text-sm">
      <h2 id="resend-heading" className="font-semibold text-red-900">
        Reply v{send.draftVersion} {ledgerStatus === 'failed' ? 'was refused by the mail server' : 'may not have been sent'}
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs text-slate-700">
        <dt className="font-medium">Outbox ledger</dt>
        <dd>
          {ledgerStatus === 'failed' ? 'failed' : 'handed to the mail server, never confirmed (sending stopped midway)'} · {countOf(send.attempts, 'attempt')}
        </dd>
        <dt className="font-medium">To</dt>
        <dd>{send.toAddress}</dd>
        <dt className="font-medium">Message-ID</dt>
        <dd className="break-all font-mono">{send.messageIdHeader}</dd>
        {send.error ? (
          <>
            <dt className="font-medium">Last error</dt>
            <dd>{send.error}</dd>
          </>
        ) : null}
      </dl>
      <Finding finding={finding} messageId={send.messageIdHeader} />
      <label className="flex items-start gap-2">
        <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} disabled={pending || done} className="mt-0.5" />
        <span>I checked what the outbox shows{ledgerStatus === 'sending' ? ': the customer has not received this reply' : ''}. Send it again.</span>
      </label>
      <Button
        variant="danger"
        disabled={!confirmed || pending || done}
        onClick={() => dispatch({ action: 'resend', conversationId, draftVersion: send.draftVersion, confirmedLedgerStatus: ledgerStatus, confirmed: true })}
      >
        {pending ? 'Resending…' : `Resend v${send.draftVersion}`}
      </Button>
      <ReplyFeedback outcome={outcome} />
    </section>
  );
}
