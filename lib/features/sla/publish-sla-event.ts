import type { Mailer } from '../../platform/mail/mailer';
import { domainOf } from '../../platform/mail/addresses';
import type { SlaNoticeKind, SlaTargetKind } from '../../core/sla/response-due';
import { statusLabel } from '../../core/conversation/statuses';

/** One reminder (before the due time) or breach (at it) of a response target. */
export interface SlaEvent {
  kind: SlaNoticeKind;
  target: SlaTargetKind;
  /** Which reply is owed (first, or next:<time>): with kind, the event's identity. */
  targetKey: string;
  conversationId: string;
  subject: string;
  customerEmail: string;
  status: string;
  dueAt: Date;
}

export type PublishSlaEvent = (event: SlaEvent) => Promise<void>;

export interface SlaMailDeps {
  mailer: Mailer;
  mailFrom: string;
  /** The team address (ESCALATION_EMAIL); unset: the notice is recorded and shown, not mailed. */
  to?: string;
  appUrl?: string;
}

const WHAT: Record<SlaTargetKind, string> = { first_response: 'first reply', next_response: 'reply' };

/**
 * The team address's copy of an SLA event (ESCALATION_EMAIL), through the same mailer as
 * escalation notices; people are told through notify() beside it (worker/activities/scheduled).
 * The Message-ID is derived from the event, so a republished notice is recognisably the same mail.
 */
export function createSlaMailPublisher(deps: SlaMailDeps): PublishSlaEvent {
  return async function publishSlaEvent(event) {
    if (!deps.to) return;
    const due = event.dueAt.toISOString().replace('T', ' ').slice(0, 16);
    const head = event.kind === 'breach' ? `[SLA breached]` : `[SLA due soon]`;
    const link = deps.appUrl ? `\n${deps.appUrl.replace(/\/$/, '')}/conversations/${event.conversationId}` : `\nConversation: ${event.conversationId}`;
    await deps.mailer.send({
      from: deps.mailFrom,
      to: { address: deps.to },
      subject: `${head} ${event.subject}`,
      text:
        `The ${WHAT[event.target]} to ${event.customerEmail} on "${event.subject}" ` +
        `${event.kind === 'breach' ? 'was' : 'is'} due at ${due} UTC (status: ${statusLabel(event.status)}).${link}`,
      messageId: `<${event.conversationId}.sla.${event.kind}.${encodeURIComponent(event.targetKey).replace(/%/g, '')}@${domainOf(deps.mailFrom)}>`,
    });
  };
}
