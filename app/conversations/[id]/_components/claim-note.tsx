import Link from 'next/link';
import type { ThreadMessage } from '@/lib/read/conversation/get-conversation-detail';
import { AddParticipantButton } from './add-participant-button';

/**
 * A message that referenced another conversation but was kept apart, because its sender
 * is not that conversation's customer: say so, link it, and let the agent admit the
 * sender (a colleague the customer copied) if they belong there.
 */
export function ClaimNote({ message }: { message: ThreadMessage }) {
  if (message.claims.length === 0) return null;
  return (
    <div role="note" className="mb-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-950">
      {message.claims.map((claim) => (
        <p key={claim.id} className="flex flex-wrap items-center gap-2">
          <span>
            Claims to reply to{' '}
            <Link href={`/conversations/${encodeURIComponent(claim.id)}`} className="font-medium underline">
              “{claim.subject}”
            </Link>{' '}
            with {claim.customerEmail}. It was kept in its own conversation because{' '}
            {message.senderAddress ? `${message.senderAddress} is not that conversation's customer.` : 'its sender is not one verified mailbox.'}
          </span>
          {message.senderAddress ? <AddParticipantButton conversationId={claim.id} messageId={message.id} address={message.senderAddress} /> : null}
        </p>
      ))}
    </div>
  );
}
