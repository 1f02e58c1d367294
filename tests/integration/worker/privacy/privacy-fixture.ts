import { randomUUID } from 'node:crypto';
import { acceptInbound } from '../../../../lib/features/intake/accept-inbound';
import { parseRawEmail } from '../../../../lib/features/intake/parse-raw';
import type { BlobStore } from '../../../../lib/platform/storage/blob-store';
import type { System } from '../../support/system';

export interface MailPart {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface CustomerMail {
  name: string;
  address: string;
  subject: string;
  text: string;
  attachments: MailPart[];
}

/** Raw MIME as a mail client writes it: a text part and base64 attachments. */
export function rawMime(mail: CustomerMail): Uint8Array<ArrayBuffer> {
  const boundary = `b-${randomUUID()}`;
  const lines = [
    `From: ${mail.name} <${mail.address}>`,
    'To: support@countersign.local',
    `Subject: ${mail.subject}`,
    `Message-ID: <${randomUUID()}@customer.test>`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    mail.text,
    ...mail.attachments.flatMap((part) => [
      `--${boundary}`,
      `Content-Type: ${part.contentType}; name="${part.filename}"`,
      `Content-Disposition: attachment; filename="${part.filename}"`,
      'Content-Transfer-Encoding: base64',
      '',
      ...(part.bytes.toString('base64').match(/.{1,76}/g) ?? []),
    ]),
    `--${boundary}--`,
    '',
  ];
  const bytes = Buffer.from(lines.join('\r\n'));
  return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** The intake's own path for raw mail (sender checks, store with attachments, signal-with-start), minus HTTP. */
export async function deliverRaw(system: System, blobs: BlobStore, mail: CustomerMail) {
  const email = await parseRawEmail(rawMime(mail));
  return acceptInbound(
    { db: system.store.db, getClient: async () => system.temporal.client, config: { TEMPORAL_TASK_QUEUE: system.taskQueue }, blobs, senderAllow: ['*'] },
    { ...email, channel: 'api' },
  );
}
