import { Badge } from '@/components/badge';
import type { ThreadMessage } from '@/lib/read/conversation/get-conversation-detail';

/**
 * Who sent a message, as far as Countersign can tell: the mailbox (marked unverified unless
 * its domain passed DMARC or an operator's rule vouches for it), or the From line exactly as
 * received with the reason it is not one mailbox. A display name that shows
 * someone else's address is never shown as the sender's name.
 */
export function SenderLine({ message }: { message: ThreadMessage }) {
  if (message.direction === 'outbound') return <span className="text-sm font-medium text-slate-900">{senderText(message)}</span>;
  if (!message.senderAddress) {
    return (
      <span className="flex flex-wrap items-baseline gap-2">
        <span className="break-all text-sm font-medium text-slate-900">{message.fromHeader || message.fromAddress || '(no From header)'}</span>
        <Badge tone="danger" title={message.senderProblem ?? undefined}>
          Unverified sender: no reply can go out
        </Badge>
      </span>
    );
  }
  const spoofed = message.screening.includes('display_name_spoof');
  return (
    <span className="flex flex-wrap items-baseline gap-2">
      <span className="text-sm font-medium text-slate-900">{senderText(message)}</span>
      {message.senderVerified ? null : (
        <Badge tone="danger" title={message.senderVerification}>
          Unverified sender
        </Badge>
      )}
      {spoofed ? (
        <Badge tone="danger" title={message.senderProblem ?? undefined}>
          Display name impersonates another address
        </Badge>
      ) : null}
    </span>
  );
}

/** The sender as one line of text (names only when they are not flagged as spoofing). */
export function senderText(message: ThreadMessage): string {
  const address = message.senderAddress ?? message.fromAddress;
  const spoofed = message.screening.includes('display_name_spoof');
  return message.fromName && !spoofed ? `${message.fromName} <${address}>` : address;
}
