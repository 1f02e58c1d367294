import { safeFilename } from '../../../../core/mail/attachment-policy';
import { buildInbound } from '../../build-inbound';
import type { InboundAttachment, InboundEmail } from '../../inbound-email';
import { parseRawEmail } from '../../parse-raw';
import { headerRecord, parseHeaderBlock } from '../webhooks/header-block';
import { fieldBytes } from '../webhooks/webhook-response';

function jsonField<T>(form: FormData, name: string, fallback: T): T {
  const value = form.get(name);
  if (typeof value !== 'string') return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}

/**
 * A SendGrid Inbound Parse post as intake's email. "POST the raw, full MIME message" gives the
 * `email` field, used byte for byte (the recommended mode: every part and charset kept, DKIM
 * checkable with `sender_ip`); the default parsed mode is rebuilt from its fields and files.
 */
export async function sendgridToInbound(form: FormData, sizeBytes: number): Promise<InboundEmail> {
  const envelopeField = jsonField<{ to?: string[]; from?: string }>(form, 'envelope', {});
  const senderIp = form.get('sender_ip');
  const envelope = {
    mailFrom: envelopeField.from || undefined,
    rcptTo: Array.isArray(envelopeField.to) ? envelopeField.to.filter((entry) => typeof entry === 'string') : [],
    remoteAddress: typeof senderIp === 'string' && senderIp ? senderIp : undefined,
  };
  const raw = await fieldBytes(form.get('email'));
  if (raw) return { ...(await parseRawEmail(raw)), channel: 'sendgrid', envelope };

  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const headers = parseHeaderBlock(text('headers') ?? '');
  const info = jsonField<Record<string, { filename?: string; name?: string; type?: string; 'content-id'?: string }>>(form, 'attachment-info', {});
  const attachments: InboundAttachment[] = [];
  for (const [field, meta] of Object.entries(info)) {
    const file = form.get(field);
    if (!file || typeof file === 'string') continue;
    attachments.push({
      filename: safeFilename(meta.filename ?? meta.name ?? file.name),
      contentType: (meta.type ?? file.type ?? 'application/octet-stream').toLowerCase(),
      content: new Uint8Array(await file.arrayBuffer()),
      contentId: meta['content-id'] || undefined,
      inline: Boolean(meta['content-id']),
    });
  }
  const email = buildInbound({
    fromValues: headers.get('from') ?? [text('from') ?? ''],
    toValues: [...(headers.get('to') ?? [text('to') ?? '']), ...(headers.get('cc') ?? [])],
    subject: text('subject') ?? '',
    text: text('text'),
    html: text('html'),
    messageId: headers.get('message-id')?.[0],
    inReplyTo: headers.get('in-reply-to'),
    references: headers.get('references'),
    sentAt: headers.get('date')?.[0] ? new Date(headers.get('date')?.[0] ?? '') : undefined,
    headers: headerRecord(headers),
    attachmentCount: attachments.length,
    attachments,
    sizeBytes,
    fingerprint: JSON.stringify([text('headers'), text('text'), text('html')]),
  });
  return {
    ...email,
    channel: 'sendgrid',
    envelope,
    authResults: { checked: false, reason: 'SendGrid posted the parsed message; choose "POST the raw, full MIME message" to check SPF/DKIM/DMARC' },
  };
}
