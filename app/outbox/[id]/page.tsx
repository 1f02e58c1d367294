import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EmailBody } from '@/components/email-body';
import { requireUser } from '@/lib/web/auth';
import { findConversationsByMessageIds } from '@/lib/read/conversation/find-conversations-by-message-ids';
import { getOutboxMessage } from '@/lib/read/outbox/list-outbox';
import { emailBodyProps } from '@/lib/web/email-body-props';
import { formatDateTime } from '@/lib/web/format';
import { CatcherUnreachable, RelayNotice } from '../_components/relay-notice';

export const metadata: Metadata = { title: 'Outbox message' };

/** One caught email: headers that matter for threading, then the body (text preferred). */
export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser();
  const { id } = await params;
  const result = await getOutboxMessage(id);
  if (result.kind === 'disabled') return <RelayNotice />;
  if (result.kind === 'not_found') notFound();
  if (result.kind === 'unreachable') return <CatcherUnreachable message={result.message} />;
  const message = result.value;
  const conversations = await findConversationsByMessageIds([message.messageId ?? '', message.inReplyTo ?? '']);
  const conversationId = conversations.get(message.messageId ?? '') ?? conversations.get(message.inReplyTo ?? '');
  const rows: [string, string | null][] = [
    ['From', message.from],
    ['To', message.to.join(', ')],
    ['Date', formatDateTime(message.receivedAt)],
    ['Message-ID', message.messageId],
    ['In-Reply-To', message.inReplyTo],
    ['References', message.references.join(' ') || null],
  ];
  return (
    <div className="space-y-4">
      <Link href="/outbox" className="text-xs font-medium text-slate-500 hover:text-slate-900">
        ← Outbox
      </Link>
      <h1 className="text-xl font-semibold tracking-tight">{message.subject ?? '(no subject)'}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="break-all font-mono text-xs leading-5 text-slate-800">{value ?? '—'}</dd>
          </div>
        ))}
      </dl>
      {conversationId ? (
        <Link href={`/conversations/${encodeURIComponent(conversationId)}`} className="text-sm font-medium text-brand-700 hover:underline">
          Open the conversation →
        </Link>
      ) : null}
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <EmailBody title={`Caught message ${message.subject ?? ''}`} {...emailBodyProps(message.text || null, message.html)} />
      </div>
    </div>
  );
}
