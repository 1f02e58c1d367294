import { safeFilename } from '../../../../core/mail/attachment-policy';
import { buildInbound } from '../../build-inbound';
import type { InboundEmail } from '../../inbound-email';
import { parseRawEmail } from '../../parse-raw';
import type { PostmarkInbound } from './postmark-payload';

/**
 * A Postmark inbound payload as intake's email. With "Include raw email content" on, the raw
 * MIME is used as is (every byte kept, DKIM checkable); otherwise the parsed fields, with the
 * RFC Message-ID from Headers (Postmark's own MessageID is its UUID, not the mail's).
 */
export async function postmarkToInbound(payload: PostmarkInbound, sizeBytes: number): Promise<InboundEmail> {
  const header = (name: string) => payload.Headers.filter((entry) => entry.Name.toLowerCase() === name).map((entry) => entry.Value);
  const envelope = {
    // Postmark prepends Return-Path (the envelope sender) to Headers.
    mailFrom: header('return-path')[0]?.replace(/^<|>$/g, '') || undefined,
    rcptTo: payload.OriginalRecipient ? [payload.OriginalRecipient] : payload.ToFull.map((entry) => entry.Email).filter(Boolean),
  };
  if (payload.RawEmail) {
    const raw = new Uint8Array(Buffer.from(payload.RawEmail, 'utf8'));
    return { ...(await parseRawEmail(raw)), channel: 'postmark', envelope };
  }
  const attachments = payload.Attachments.map((attachment) => ({
    filename: safeFilename(attachment.Name),
    contentType: attachment.ContentType.toLowerCase(),
    content: new Uint8Array(Buffer.from(attachment.Content ?? attachment.Data ?? '', 'base64')),
    contentId: attachment.ContentID.replace(/^<|>$/g, '') || undefined,
    inline: attachment.ContentID !== '',
  }));
  const email = buildInbound({
    fromValues: [payload.FromFull?.Email ? (payload.FromFull.Name ? `"${payload.FromFull.Name.replace(/"/g, '')}" <${payload.FromFull.Email}>` : payload.FromFull.Email) : payload.From],
    toValues: [payload.To, payload.Cc].filter(Boolean),
    subject: payload.Subject,
    text: payload.TextBody || undefined,
    html: payload.HtmlBody || undefined,
    messageId: header('message-id')[0],
    inReplyTo: header('in-reply-to'),
    references: header('references').join(' ') || undefined,
    sentAt: payload.Date ? new Date(payload.Date) : undefined,
    headers: Object.fromEntries(payload.Headers.map((entry) => [entry.Name.toLowerCase(), entry.Value])),
    attachmentCount: attachments.length,
    attachments,
    sizeBytes,
    fingerprint: JSON.stringify([payload.From, payload.Subject, payload.TextBody, payload.HtmlBody, payload.MessageID ?? '']),
  });
  return {
    ...email,
    channel: 'postmark',
    envelope,
    authResults: { checked: false, reason: 'Postmark sent the parsed message only; turn on "Include raw email content in JSON payload" to check SPF/DKIM/DMARC' },
  };
}
