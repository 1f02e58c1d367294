import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { formatBytes } from '../../../../core/mail/attachment-policy';
import type { Db } from '../../../../platform/db/client';
import { findMailboxFor } from '../../../mailboxes/find-mailbox-for';
import type { AcceptInboundResult } from '../../accept-inbound';
import type { InboundEmail } from '../../inbound-email';
import { parseRawEmail } from '../../parse-raw';

export interface InboundSmtpDeps {
  db: Db;
  accept: (email: InboundEmail) => Promise<AcceptInboundResult>;
  port: number;
  host: string;
  maxBytes: number;
  /** The name in the greeting; default the machine's. */
  hostname?: string;
}

export interface InboundSmtp {
  /** host:port it listens on (the port the OS chose when asked for 0). */
  address: string;
  port: number;
  close(): Promise<void>;
}

const smtpError = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode });

/**
 * An SMTP listener for MX records or forwarding (a kept library: nodemailer's smtp-server).
 * Only mail for a configured mailbox is accepted (550 at RCPT otherwise, so it is no open
 * relay); SIZE is advertised and a larger message gets 552; the message is stored, envelope
 * and all, before the 250 that tells the sender it may forget it. A storage failure is a 451,
 * so the sending server keeps the mail and tries again.
 */
export async function startInboundSmtp(deps: InboundSmtpDeps): Promise<InboundSmtp> {
  const server = new SMTPServer({
    name: deps.hostname,
    banner: 'Countersign inbound',
    size: deps.maxBytes,
    authOptional: true,
    // No AUTH on an MX; no certificate here, so no STARTTLS (terminate TLS in front, or relay from your MTA).
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      findMailboxFor([address.address], deps.db).then(
        (mailbox) => callback(mailbox ? undefined : smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`)),
        () => callback(smtpError(451, '4.3.0 Temporary lookup failure; try again later')),
      );
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        // Past the limit nothing more is kept; the stream is still read to its end.
        if (bytes <= deps.maxBytes) chunks.push(chunk);
      });
      stream.on('end', () => {
        if (stream.sizeExceeded || bytes > deps.maxBytes) {
          callback(smtpError(552, `5.3.4 Message too large: the limit is ${formatBytes(deps.maxBytes)}`));
          return;
        }
        void store(Buffer.concat(chunks), session).then(
          (result) => callback(null, `2.0.0 Stored as ${result.messageId}`),
          (error: unknown) => {
            console.warn(`Inbound SMTP: could not store a message (${(error as Error).message}); answered 451`);
            callback(smtpError(451, '4.3.0 Temporary failure storing the message; try again later'));
          },
        );
      });
    },
  });

  const store = async (raw: Buffer, session: SMTPServerSession) => {
    const rcptTo = session.envelope.rcptTo.map((recipient) => recipient.address);
    const mailbox = await findMailboxFor(rcptTo, deps.db);
    const email = await parseRawEmail(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength) as Uint8Array<ArrayBuffer>);
    return deps.accept({
      ...email,
      channel: 'smtp',
      mailboxId: mailbox?.id,
      envelope: {
        mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
        rcptTo,
        remoteAddress: session.remoteAddress,
        helo: session.hostNameAppearsAs,
      },
    });
  };

  server.on('error', (error) => console.warn(`Inbound SMTP: ${error.message}`));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.port, deps.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address() as AddressInfo;
  return {
    address: `${address.address}:${address.port}`,
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
