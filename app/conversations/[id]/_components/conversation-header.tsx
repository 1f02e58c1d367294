import Link from 'next/link';
import { Badge } from '@/components/badge';
import { RiskPill } from '@/components/risk-pill';
import { SlaTimer } from '@/components/sla-timer';
import { PriorityBadge, StatusBadge } from '@/components/status-badge';
import type { ConversationHeader as Header } from '@/lib/read/conversation/get-conversation-detail';
import { countOf, formatUsd } from '@/lib/web/format';

/** Subject, customer and the facts an agent triages by, with the way back to the inbox. */
export function ConversationHeader({ conversation, inboxHref, serverNow, riskLimit }: { conversation: Header; inboxHref: string; serverNow: string; riskLimit: number }) {
  const waiting = conversation.status === 'awaiting_approval' || conversation.status === 'escalated';
  return (
    <header className="space-y-2">
      <Link href={inboxHref} className="text-xs font-medium text-slate-500 hover:text-slate-900">
        ← Inbox
      </Link>
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">{conversation.subject || '(no subject)'}</h1>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium text-slate-800">{conversation.customerName ?? conversation.customerEmail}</span>
        {conversation.customerName ? <span className="text-slate-500">{conversation.customerEmail}</span> : null}
        <StatusBadge status={conversation.status} />
        {conversation.category ? <Badge>{conversation.category}</Badge> : null}
        <PriorityBadge priority={conversation.priority} />
        <RiskPill score={conversation.riskScore} limit={riskLimit} />
        {waiting ? <SlaTimer dueAt={conversation.slaDueAt?.toISOString() ?? null} serverNow={serverNow} /> : null}
        <span className="ml-auto text-xs text-slate-500">
          {countOf(conversation.messageCount, 'message')} · cost <span className="tabular-nums">{formatUsd(conversation.costUsd)}</span>
        </span>
      </div>
      {conversation.customerAddress === null ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          The sender is not one verified mailbox, so no reply can be sent from this conversation. The From line as received
          and the reason are on the message below.
        </p>
      ) : null}
      <p className="text-xs text-slate-500" aria-label="Mailbox">
        {conversation.mailbox
          ? `Mailbox: ${conversation.mailbox.displayName} <${conversation.mailbox.address}>; replies leave from it.`
          : 'Mailbox: the team’s default address; replies leave from it.'}
      </p>
      {conversation.participants.length > 0 ? (
        <p className="text-xs text-slate-500">Also in this conversation: {conversation.participants.join(', ')}</p>
      ) : null}
      {conversation.statusReason ? <p className="text-xs text-slate-500">{conversation.statusReason}</p> : null}
    </header>
  );
}
