import Link from 'next/link';
import { StatusBadge } from '@/components/status-badge';
import type { ContextConversation, CustomerContext } from '@/lib/read/conversation/get-customer-context';

function Item({ conversation, showCustomer }: { conversation: ContextConversation; showCustomer: boolean }) {
  return (
    <li className="space-y-1 border-t border-slate-100 pt-2 first:border-0 first:pt-0">
      <div className="flex items-start justify-between gap-2">
        <Link href={`/conversations/${encodeURIComponent(conversation.id)}`} className="font-medium text-brand-700 hover:underline">
          {conversation.subject || '(no subject)'}
        </Link>
        <StatusBadge status={conversation.status} />
      </div>
      <p className="text-xs text-slate-600">
        {showCustomer ? `${conversation.customerEmail} · ` : ''}
        <time dateTime={conversation.lastMessageAt.toISOString()}>{conversation.lastMessageAt.toISOString().slice(0, 10)}</time>
      </p>
      {conversation.lastReply ? (
        <p className="line-clamp-2 text-xs text-slate-700">
          <span className="font-medium">Last reply:</span> {conversation.lastReply.body}
        </p>
      ) : (
        <p className="text-xs text-slate-600">No reply sent.</p>
      )}
    </li>
  );
}

/** The customer's other conversations and their company's, with outcomes and last replies. */
export function CustomerContextPanel({ context }: { context: CustomerContext }) {
  return (
    <section aria-labelledby="customer-context-heading" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id="customer-context-heading" className="text-sm font-semibold">
        Customer history
      </h2>
      {context.earlier.length === 0 ? (
        <p className="mt-2 text-slate-600">No other conversations with this customer.</p>
      ) : (
        <ul aria-label="Other conversations with this customer" className="mt-2 space-y-2">
          {context.earlier.map((conversation) => (
            <Item key={conversation.id} conversation={conversation} showCustomer={false} />
          ))}
        </ul>
      )}
      {context.company && context.company.conversations.length > 0 ? (
        <>
          <h3 className="mt-4 text-xs font-semibold text-slate-700">Others at {context.company.domain}</h3>
          <ul aria-label={`Other conversations from ${context.company.domain}`} className="mt-2 space-y-2">
            {context.company.conversations.map((conversation) => (
              <Item key={conversation.id} conversation={conversation} showCustomer />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
