import { ImapFlow } from 'imapflow';
import type { ImapSettings } from '../../../mailboxes/mailbox-connection';

/**
 * One IMAP connection (imapflow cannot reconnect an instance: the reader makes a new one).
 * IDLE starts a second after each command when the server has it; without IDLE imapflow
 * sends NOOP every `pollSeconds`, and IDLE itself is renewed as often, under NAT timeouts.
 */
export function createImapClient(settings: ImapSettings, pollSeconds: number): ImapFlow {
  return new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    // STARTTLS is required when asked for (never a silent plain-text fallback), refused for 'none'.
    doSTARTTLS: settings.security === 'starttls' ? true : settings.security === 'none' ? false : undefined,
    // OAuth mailboxes log in with XOAUTH2 (imapflow picks it when given an access token).
    auth: settings.accessToken ? { user: settings.user, accessToken: settings.accessToken } : { user: settings.user, pass: settings.password ?? '' },
    logger: false,
    autoIdleDelay: 1_000,
    maxIdleTime: pollSeconds * 1_000,
    missingIdleCommand: 'NOOP',
    connectionTimeout: 30_000,
    greetingTimeout: 16_000,
    socketTimeout: 5 * 60_000,
  });
}
