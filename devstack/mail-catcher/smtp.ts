import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { recipientVerdict } from './recipient-policy';
import { smtpError } from './smtp-error';
import type { MailStore } from './store';
import type { CaughtMessageSummary } from './types';

export interface SmtpSideOptions {
  store: MailStore;
  maxMessageBytes: number;
  onStored: (summary: CaughtMessageSummary) => void;
  log: (line: string) => void;
}

/** The receiving half: accepts anything (bar the magic recipients) and hands it to the store. */
export function createSmtpSide({ store, maxMessageBytes, onStored, log }: SmtpSideOptions): SMTPServer {
  const server = new SMTPServer({
    name: 'countersign-mail-catcher',
    banner: 'Countersign local mail catcher (nothing leaves this machine)',
    // The app is configured with a real SMTP URL that may carry user:pass; accept any
    // credentials, or none, over plain text since this only ever listens locally.
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    size: maxMessageBytes,
    // Refuse oversize mail with 552 after DATA even if the client ignored the advertised SIZE.
    rejectOversized: true,
    disableReverseLookup: true,
    logger: false,
    // Pooled app connections would otherwise hold close() open for the 30 s default.
    closeTimeout: 1_000,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onRcptTo(address, _session, callback) {
      callback(recipientVerdict(address.address));
    },
    onData(stream, session, callback) {
      readMessage(stream)
        .then(async (raw) => {
          if (raw === null) {
            callback(smtpError(552, `Message exceeds fixed maximum message size ${maxMessageBytes}`));
            return;
          }
          const envelope = {
            from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          };
          const summary = await store.save(raw, envelope);
          log(`Mail catcher: caught ${summary.id} to ${envelope.to.join(', ')}: ${summary.subject ?? '(no subject)'}`);
          onStored(summary);
          callback(null, `OK: caught as ${summary.id}`);
        })
        .catch((error: unknown) => {
          log(`Mail catcher: failed to store a message: ${String(error)}`);
          // 451 so a sender retries instead of treating a local disk hiccup as a bounce.
          callback(smtpError(451, 'Local error while storing the message'));
        });
    },
  });
  return server;
}

/** Buffers the DATA stream; null when it went over the size limit (drained but not kept). */
function readMessage(stream: SMTPServerDataStream): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => {
      if (!stream.sizeExceeded) chunks.push(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(stream.sizeExceeded ? null : Buffer.concat(chunks)));
  });
}
