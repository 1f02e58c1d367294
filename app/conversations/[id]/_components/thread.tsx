import { Badge } from '@/components/badge';
import { EmailBody } from '@/components/email-body';
import { screeningLabel } from '@/lib/core/safety/screening-labels';
import type { ThreadMessage } from '@/lib/read/conversation/get-conversation-detail';
import { emailBodyProps } from '@/lib/web/email-body-props';
import { formatDateTime } from '@/lib/web/format';
import { ClaimNote } from './claim-note';
import { MessageAttachments } from './message-attachments';
import { SenderAuthLine } from './sender-auth-line';
import { SenderLine, senderText } from './sender-line';

function flagLabel(flag: string): string {
  return screeningLabel(flag);
}

/** The email thread, oldest first: customer messages and the replies that were sent. */
export function Thread({ messages, cidImages = {} }: { messages: ThreadMessage[]; cidImages?: Record<string, Record<string, string>> }) {
  return (
    <section aria-labelledby="thread-heading" className="space-y-3">
      <h2 id="thread-heading" className="sr-only">
        Thread
      </h2>
      {messages.map((message) => {
        const outbound = message.direction === 'outbound';
        const sender = senderText(message);
        return (
          <article
            key={message.id}
            aria-label={`${outbound ? 'Reply' : 'Customer message'} from ${sender}`}
            className={`rounded-lg border p-4 ${outbound ? 'ml-8 border-brand-100 bg-brand-50/40' : 'border-slate-200 bg-white'}`}
          >
            <header className="mb-2 flex flex-wrap items-baseline gap-x-2 gap-y-1 text-xs text-slate-600">
              <SenderLine message={message} />
              {outbound ? <Badge tone="success">Sent reply</Badge> : null}
              {message.automated ? <Badge tone="warning" title={message.automatedReason ?? undefined}>Automated sender</Badge> : null}
              <span>to {message.toAddresses.join(', ') || '—'}</span>
              <time className="ml-auto" dateTime={message.sentAt.toISOString()}>
                {formatDateTime(message.sentAt)}
              </time>
            </header>
            <ClaimNote message={message} />
            <SenderAuthLine message={message} />
            {message.senderProblem ? <p className="mb-2 text-xs font-medium text-red-800">{message.senderProblem}</p> : null}
            {message.screening.length > 0 ? (
              <ul aria-label="Screening flags" className="mb-2 flex flex-wrap gap-1">
                {message.screening.map((flag) => (
                  <li key={flag}>
                    <Badge tone="warning" title={flagLabel(flag)}>
                      {flagLabel(flag)}
                    </Badge>
                  </li>
                ))}
              </ul>
            ) : null}
            <EmailBody title={`Message from ${sender}`} {...emailBodyProps(message.textBody, message.htmlBody, cidImages[message.id])} />
            <MessageAttachments attachments={message.attachments} />
          </article>
        );
      })}
    </section>
  );
}
