import { DEMO_EMAILS } from '../../devstack/demo-emails';

export interface BenchEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

/**
 * Routine questions (the kind that may be answered automatically), each from its own sender
 * so that no per-sender hourly cap applies. The subject is the demo's own: a tag in it would be
 * quoted by the draft and held by the claims check as a code the knowledge does not hold.
 * Emails that name an address in their text are left out: a different sender would make that
 * address a third party and send the draft to a person.
 */
const ROUTINE = DEMO_EMAILS.filter((email) => ['invoice-download', 'shipping-status', 'feature-idea'].includes(email.key));

export function benchEmails(count: number, run: string): BenchEmail[] {
  return Array.from({ length: count }, (_, index) => {
    const email = ROUTINE[index % ROUTINE.length];
    if (!email) throw new Error('no routine demo emails');
    const name = email.from.replace(/\s*<.*$/, '');
    return {
      from: `${name} <customer-${run}-${index}@bench.example>`,
      to: 'support@countersign.local',
      subject: email.subject,
      text: email.text,
      messageId: `<${run}-${index}@bench.example>`,
    };
  });
}
