import { domainOf } from './addresses';

/** Deterministic: a retried send carries the same Message-ID, so receivers can dedupe. */
export function replyMessageId(conversationId: string, draftVersion: number, mailFrom: string): string {
  return `<${conversationId}.v${draftVersion}@${domainOf(mailFrom)}>`;
}

export function replySubject(subject: string): string {
  return /^\s*re:/i.test(subject) ? subject : `Re: ${subject}`;
}

/** References: the thread's ids oldest first, ending with the message we answer. */
export function replyReferences(previous: readonly string[], answering: string): string[] {
  return [...new Set([...previous, answering])].slice(-20);
}
