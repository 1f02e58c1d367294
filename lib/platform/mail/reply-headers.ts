import { MAX_REFERENCES } from '../../core/mail/message-id';
import { domainOf } from './addresses';

const MAX_SUBJECT = 250;

/** Deterministic: a retried send carries the same Message-ID, so receivers can dedupe. */
export function replyMessageId(conversationId: string, draftVersion: number, mailFrom: string): string {
  return `<${conversationId}.v${draftVersion}@${domainOf(mailFrom)}>`;
}

export function replySubject(subject: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = subject.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  const reply = /^re:/i.test(clean) ? clean : `Re: ${clean}`;
  return reply.length > MAX_SUBJECT ? `${reply.slice(0, MAX_SUBJECT - 1)}…` : reply;
}

/** References: the thread's ids oldest first, ending with the message we answer. */
export function replyReferences(previous: readonly string[], answering: string): string[] {
  return [...new Set([...previous, answering])].slice(-MAX_REFERENCES);
}
