import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { LiveRefresh } from '@/app/_components/live-refresh';
import { RelativeTime } from '@/components/relative-time';
import { requireUser } from '@/lib/web/auth';
import { findConversationsByMessageIds } from '@/lib/read/conversation/find-conversations-by-message-ids';
import { listOutbox } from '@/lib/read/outbox/list-outbox';
import { CatcherUnreachable, RelayNotice } from './_components/relay-notice';

export const metadata: Metadata = { title: 'Outbox' };

/** What the local mail catcher received: the replies as the customer would get them. */
export default async function OutboxPage() {
  await requireUser();
  const result = await listOutbox();
  if (result.kind === 'disabled') return <RelayNotice />;
  const messages = result.kind === 'ok' ? result.value : [];
  const conversations = await findConversationsByMessageIds(messages.flatMap((message) => [message.messageId ?? '', message.inReplyTo ?? '']));
  const serverNow = new Date().toISOString();
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Outbox</h1>
          <p className="text-sm text-slate-600">Mail caught by the local mail catcher, newest first.</p>
        </div>
        <LiveRefresh />
      </div>
      {result.kind === 'unreachable' ? <CatcherUnreachable message={result.message} /> : null}
      {result.kind === 'ok' && messages.length === 0 ? <EmptyState title="No mail sent yet">Approved and auto-sent replies appear here.</EmptyState> : null}
      {messages.length > 0 ? (
        <ul aria-label="Caught messages" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {messages.map((message) => {
            const conversationId = conversations.get(message.messageId ?? '') ?? conversations.get(message.inReplyTo ?? '');
            return (
              <li key={message.id} className="flex items-start gap-3 px-3 py-2 text-sm hover:bg-slate-50">
                <Link href={`/outbox/${encodeURIComponent(message.id)}`} className="min-w-0 flex-1">
                  <span className="flex items-baseline gap-2">
                    <span className="truncate font-medium text-slate-900">{message.subject ?? '(no subject)'}</span>
                    <span className="truncate text-xs text-slate-500">to {message.to.join(', ')}</span>
                  </span>
                  <span className="block truncate text-xs text-slate-500">{message.preview}</span>
                </Link>
                {conversationId ? (
                  <Link href={`/conversations/${encodeURIComponent(conversationId)}`} className="whitespace-nowrap text-xs font-medium text-brand-700 hover:underline">
                    Conversation
                  </Link>
                ) : null}
                <RelativeTime date={message.receivedAt} serverNow={serverNow} className="whitespace-nowrap text-xs text-slate-500" />
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
