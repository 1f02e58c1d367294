import { safeFilename } from '../../../../core/mail/attachment-policy';
import { buildInbound } from '../../build-inbound';
import type { InboundAttachment, InboundEmail } from '../../inbound-email';
import { parseRawEmail } from '../../parse-raw';
import { fieldBytes } from '../webhooks/webhook-response';

/**
 * A Mailgun route's forward as intake's email. A route URL ending in /mime brings `body-mime`
 * (the raw message, kept whole and DKIM-checkable); otherwise the parsed fields:
 * `message-headers` (JSON [name, value] pairs in order), bodies, attachment-N files and the
 * content-id-map.
 */
export async function mailgunToInbound(form: FormData, sizeBytes: number): Promise<InboundEmail> {
  const text = (name: string) => {
    const values = form.getAll(name).filter((value): value is string => typeof value === 'string');
    // Mailgun may repeat merged fields; the last value wins, as its own libraries read it.
    return values.at(-1);
  };
  const envelope = { mailFrom: text('sender') || undefined, rcptTo: (text('recipient') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean) };
  const raw = await fieldBytes(form.get('body-mime'));
  if (raw) return { ...(await parseRawEmail(raw)), channel: 'mailgun', envelope };

  let pairs: [string, string][] = [];
  try {
    const parsed = JSON.parse(text('message-headers') ?? '[]') as unknown;
    if (Array.isArray(parsed)) pairs = parsed.filter((pair): pair is [string, string] => Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string');
  } catch {
    pairs = [];
  }
  const header = (name: string) => pairs.filter(([key]) => key.toLowerCase() === name).map(([, value]) => value);
  let cids: Record<string, string> = {};
  try {
    cids = JSON.parse(text('content-id-map') ?? '{}') as Record<string, string>;
  } catch {
    cids = {};
  }
  const cidOf = new Map(Object.entries(cids).map(([cid, field]) => [field, cid.replace(/^<|>$/g, '')]));
  const attachments: InboundAttachment[] = [];
  const count = Number(text('attachment-count') ?? '0');
  for (let index = 1; index <= Math.min(count, 100); index += 1) {
    const file = form.get(`attachment-${index}`);
    if (!file || typeof file === 'string') continue;
    const contentId = cidOf.get(`attachment-${index}`);
    attachments.push({
      filename: safeFilename(file.name),
      contentType: (file.type || 'application/octet-stream').toLowerCase(),
      content: new Uint8Array(await file.arrayBuffer()),
      contentId,
      inline: contentId !== undefined,
    });
  }
  const email = buildInbound({
    fromValues: header('from').length > 0 ? header('from') : [text('from') ?? ''],
    toValues: [...header('to'), ...header('cc')],
    subject: text('subject') ?? header('subject')[0] ?? '',
    text: text('body-plain'),
    html: text('body-html'),
    messageId: header('message-id')[0],
    inReplyTo: header('in-reply-to'),
    references: header('references'),
    sentAt: header('date')[0] ? new Date(header('date')[0] ?? '') : undefined,
    headers: Object.fromEntries(pairs.map(([key, value]) => [key.toLowerCase(), value])),
    attachmentCount: attachments.length,
    attachments,
    sizeBytes,
    fingerprint: JSON.stringify([text('message-headers'), text('body-plain'), text('body-html')]),
  });
  return {
    ...email,
    channel: 'mailgun',
    envelope,
    authResults: { checked: false, reason: 'Mailgun forwarded the parsed message; end the route URL in /mime to check SPF/DKIM/DMARC' },
  };
}
