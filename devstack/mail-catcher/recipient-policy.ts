import type { SMTPServerError } from 'smtp-server';
import { smtpError } from './smtp-error';

/**
 * Magic recipients let the app's bounce handling be exercised without a real remote MTA:
 * `reject-*@…` is refused permanently (550, the app should give up) and `tempfail-*@…`
 * temporarily (451, the app should retry). Everything else is accepted.
 */
export function recipientVerdict(address: string): SMTPServerError | null {
  const localPart = (address.split('@')[0] ?? '').toLowerCase();
  if (localPart.startsWith('reject-')) {
    return smtpError(550, `Mailbox unavailable: ${address} is a reject-* test address`);
  }
  if (localPart.startsWith('tempfail-')) {
    return smtpError(451, `Try again later: ${address} is a tempfail-* test address`);
  }
  return null;
}
