import type { InboundEmail } from './inbound-email';

const NUL = new RegExp(String.fromCharCode(0), 'g');

/**
 * PostgreSQL text and jsonb cannot hold U+0000, which hostile or broken mail may carry: every
 * string of the email gets U+FFFD in its place, so the mail is stored (and shown, marked by
 * the replacement character) instead of failing intake. The raw MIME is bytes (bytea) and
 * keeps even those, so nothing of what arrived is lost.
 */
export function withoutNul(email: InboundEmail): InboundEmail {
  const clean = (text: string): string => text.replace(NUL, '\uFFFD');
  const maybe = (text: string | undefined): string | undefined => (text === undefined ? undefined : clean(text));
  return {
    ...email,
    sender: {
      ...email.sender,
      display: { address: clean(email.sender.display.address), name: maybe(email.sender.display.name) },
      header: clean(email.sender.header),
      problems: email.sender.problems.map(clean),
    },
    fromAddress: clean(email.fromAddress),
    fromName: maybe(email.fromName),
    to: email.to.map(clean),
    subject: clean(email.subject),
    text: clean(email.text),
    html: maybe(email.html),
    messageId: clean(email.messageId),
    inReplyTo: maybe(email.inReplyTo),
    references: email.references.map(clean),
    headers: Object.fromEntries(Object.entries(email.headers).map(([name, value]) => [clean(name), clean(value)])),
  };
}
