import type { InboundEmail } from './inbound-email';

/**
 * Mail written by machines (bounces, auto-replies, no-reply senders, lists) is recorded
 * but never answered: answering it loops mail systems into each other (RFC 3834).
 */
export function automatedReason(email: Pick<InboundEmail, 'fromAddress' | 'headers' | 'subject'>): string | undefined {
  const header = (name: string) => email.headers[name]?.toLowerCase();
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  if (header('x-autoreply') || header('x-autorespond')) return 'auto-reply header';
  const precedence = header('precedence');
  if (precedence && ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) return `Precedence: ${precedence}`;
  if (header('list-id') || header('list-unsubscribe')) return 'mailing list';
  if (header('x-failed-recipients') || /^(delivery status notification|undeliver|returned mail|mail delivery fail)/i.test(email.subject)) {
    return 'bounce';
  }
  const local = email.fromAddress.split('@')[0] ?? '';
  if (/^(mailer-daemon|postmaster)$/i.test(local)) return 'bounce';
  if (/^(no-?reply|do-?not-?reply|notifications?|auto-?confirm|bounces?)([+.-].*)?$/i.test(local)) return 'no-reply sender';
  return undefined;
}
