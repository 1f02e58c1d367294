import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMailgunInbound } from '../../../../../lib/features/intake/channels/mailgun/handle-mailgun-inbound';
import { mailgunSignature } from '../../../../../lib/features/intake/channels/mailgun/verify-mailgun-signature';
import { handlePostmarkInbound } from '../../../../../lib/features/intake/channels/postmark/handle-postmark-inbound';
import { handleSendgridInbound } from '../../../../../lib/features/intake/channels/sendgrid/handle-sendgrid-inbound';
import type { WebhookConfig, WebhookDeps } from '../../../../../lib/features/intake/channels/webhooks/webhook-deps';
import { createSenderAuthChecker } from '../../../../../lib/features/intake/sender-auth/check-sender-auth';
import { zoneResolver } from '../../../../../lib/platform/dns/resolver';
import { createLocalBlobStore } from '../../../../../lib/platform/storage/local-blob-store';
import { composeMime, dkimDomain, PDF_BYTES, PNG_BYTES } from '../../../../fixtures/mime';
import { createTempDb, type TempDb } from '../../../../support/temp-db';

let store: TempDb;
let dir: string;
const customer = dkimDomain('customer.example');
const sendgridKeys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const SENDGRID_PUBLIC = sendgridKeys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
const MAILGUN_KEY = 'key-mailgun-signing-0123456789';

const config: WebhookConfig = {
  INBOUND_MAX_BYTES: 1024 * 1024,
  TEMPORAL_TASK_QUEUE: 'unused',
  POSTMARK_INBOUND_USER: 'postmark',
  POSTMARK_INBOUND_PASSWORD: 'a-long-postmark-password',
  SENDGRID_PARSE_PUBLIC_KEY: SENDGRID_PUBLIC,
  SENDGRID_PARSE_TOKEN: undefined,
  MAILGUN_SIGNING_KEY: MAILGUN_KEY,
};

beforeAll(async () => {
  store = await createTempDb();
  dir = mkdtempSync(path.join(os.tmpdir(), 'countersign-webhooks-'));
  await store.db.mailbox.create({ data: { id: 'mbx_support', address: 'support@inbound.example', displayName: 'Support', inboundChannel: 'postmark' } });
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

function deps(overrides: Partial<WebhookConfig> = {}, now?: number): WebhookDeps {
  return {
    db: store.db,
    // Temporal is not under test here: stored mail is queued for the reconciler.
    getClient: () => Promise.reject(new Error('Temporal is not part of this test')),
    config: { ...config, ...overrides },
    blobs: createLocalBlobStore(dir),
    senderAuth: createSenderAuthChecker({ resolver: zoneResolver(customer.zone), timeoutMs: 5_000 }),
    now: now === undefined ? undefined : () => now,
  };
}

const messages = () => store.db.message.count();
const stored = async (response: Response) => {
  const body = (await response.json()) as { messageId: string };
  return store.db.message.findUniqueOrThrow({ where: { id: body.messageId } });
};

// The shape of Postmark's documented inbound payload (postmark.js InboundWebhook), with real content.
function postmarkPayload(more: object = {}) {
  return {
    FromName: 'Ana Souza',
    MessageStream: 'inbound',
    From: 'ana@customer.example',
    FromFull: { Email: 'ana@customer.example', Name: 'Ana Souza', MailboxHash: '' },
    To: '"Support" <support@inbound.example>',
    ToFull: [{ Email: 'support@inbound.example', Name: 'Support', MailboxHash: '' }],
    Cc: '',
    CcFull: [],
    Bcc: '',
    BccFull: [],
    OriginalRecipient: 'support@inbound.example',
    Subject: 'Printer manual',
    MessageID: '73e6d360-66eb-11e1-8e72-a8904824019b',
    ReplyTo: '',
    MailboxHash: '',
    Date: 'Fri, 1 Aug 2026 16:45:32 -04:00',
    TextBody: 'Here is the manual and a photo.',
    HtmlBody: '<p>Here is the manual.</p><img src="cid:photo.png@01CE7342">',
    StrippedTextReply: '',
    Tag: '',
    Headers: [
      { Name: 'Return-Path', Value: '<bounce@customer.example>' },
      { Name: 'X-Spam-Status', Value: 'No' },
      { Name: 'Message-ID', Value: '<CAGXpo2WKfx@mail.customer.example>' },
    ],
    Attachments: [
      { Name: 'photo.png', Content: PNG_BYTES.toString('base64'), ContentType: 'image/png', ContentLength: PNG_BYTES.length, ContentID: 'photo.png@01CE7342' },
      // Postmark's test payloads carry Data instead of Content.
      { Name: 'manual.pdf', Data: PDF_BYTES.toString('base64'), ContentType: 'application/pdf', ContentLength: PDF_BYTES.length, ContentID: '' },
    ],
    ...more,
  };
}

function postmark(body: unknown, authorization?: string, overrides: Partial<WebhookConfig> = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization) headers.authorization = authorization;
  return handlePostmarkInbound(new Request('https://app.example/api/inbound/postmark', { method: 'POST', headers, body: JSON.stringify(body) }), deps(overrides));
}
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('Postmark inbound webhook (basic auth in the URL)', () => {
  it('refuses wrong or missing credentials without storing, and answers 503 when not configured', async () => {
    const before = await messages();
    expect((await postmark(postmarkPayload())).status).toBe(401);
    expect((await postmark(postmarkPayload(), basic('postmark', 'wrong-password'))).status).toBe(401);
    expect((await postmark(postmarkPayload(), basic('postmark', config.POSTMARK_INBOUND_PASSWORD ?? ''), { POSTMARK_INBOUND_PASSWORD: undefined })).status).toBe(503);
    expect(await messages()).toBe(before);
  });

  it('stores the parsed payload: the RFC Message-ID from Headers, the envelope, the attachments, the mailbox', async () => {
    const response = await postmark(postmarkPayload(), basic('postmark', config.POSTMARK_INBOUND_PASSWORD ?? ''));
    expect(response.status).toBe(200);
    const message = await stored(response);
    expect(message).toMatchObject({
      channel: 'postmark',
      mailboxId: 'mbx_support',
      messageIdHeader: '<CAGXpo2WKfx@mail.customer.example>',
      senderAddress: 'ana@customer.example',
      envelope: { mailFrom: 'bounce@customer.example', rcptTo: ['support@inbound.example'] },
      authResults: { checked: false },
    });
    const attachments = await store.db.attachment.findMany({ where: { messageId: message.id }, orderBy: { filename: 'asc' } });
    expect(attachments.map((row) => [row.filename, row.contentType, row.sizeBytes, row.contentId])).toEqual([
      ['manual.pdf', 'application/pdf', PDF_BYTES.length, null],
      ['photo.png', 'image/png', PNG_BYTES.length, 'photo.png@01CE7342'],
    ]);
    // A retry of the same delivery is one message.
    const again = await postmark(postmarkPayload(), basic('postmark', config.POSTMARK_INBOUND_PASSWORD ?? ''));
    expect(await again.json()).toMatchObject({ duplicate: true, messageId: message.id });
  });

  it('uses RawEmail byte for byte when it is included, and checks DKIM/DMARC on it', async () => {
    const raw = await customer.sign(
      await composeMime({ from: 'ana@customer.example', to: 'support@inbound.example', subject: 'Raw', messageId: '<raw-1@customer.example>', text: 'Raw body.' }),
    );
    const response = await postmark(postmarkPayload({ RawEmail: raw.toString('utf8') }), basic('postmark', config.POSTMARK_INBOUND_PASSWORD ?? ''));
    const message = await stored(response);
    expect(Buffer.from(message.rawMime ?? [])).toEqual(raw);
    expect(message.authResults).toMatchObject({ checked: true, dkim: [{ result: 'pass' }], dmarc: { result: 'pass' } });
  });
});

/** A multipart body exactly as a client would send it, and its content type. */
async function multipart(fields: Record<string, string | Blob>): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const request = new Request('https://x.example/', { method: 'POST', body: form });
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? '' };
}

function signSendgrid(body: Buffer, timestamp: string): string {
  return sign('sha256', Buffer.concat([Buffer.from(timestamp), body]), sendgridKeys.privateKey).toString('base64');
}

function sendgrid(payload: { body: Buffer; contentType: string }, headers: Record<string, string>, overrides: Partial<WebhookConfig> = {}, query = '') {
  return handleSendgridInbound(
    new Request(`https://app.example/api/inbound/sendgrid${query}`, { method: 'POST', headers: { 'content-type': payload.contentType, ...headers }, body: new Uint8Array(payload.body) }),
    deps(overrides),
  );
}

describe('SendGrid Inbound Parse (multipart; ECDSA-signed when a security policy is attached)', () => {
  const now = () => String(Math.floor(Date.now() / 1000));

  it('stores a raw-MIME post whose signature covers the exact bytes, with the envelope and sender IP', async () => {
    const raw = await customer.sign(
      await composeMime({
        from: 'ana@customer.example',
        to: 'support@inbound.example',
        subject: 'Via SendGrid',
        messageId: '<sg-1@customer.example>',
        text: 'Hello.',
        attachments: [{ filename: 'manual.pdf', content: PDF_BYTES, contentType: 'application/pdf' }],
      }),
    );
    const payload = await multipart({
      dkim: '{@customer.example : pass}',
      email: raw.toString('utf8'),
      to: 'support@inbound.example',
      from: 'ana@customer.example',
      subject: 'Via SendGrid',
      sender_ip: '192.0.2.10',
      envelope: JSON.stringify({ to: ['support@inbound.example'], from: 'ana@customer.example' }),
      charsets: JSON.stringify({ to: 'UTF-8', subject: 'UTF-8', from: 'UTF-8' }),
      SPF: 'pass',
    });
    const timestamp = now();
    const response = await sendgrid(payload, { 'x-twilio-email-event-webhook-signature': signSendgrid(payload.body, timestamp), 'x-twilio-email-event-webhook-timestamp': timestamp });
    expect(response.status).toBe(200);
    const message = await stored(response);
    expect(Buffer.from(message.rawMime ?? [])).toEqual(raw);
    expect(message).toMatchObject({ channel: 'sendgrid', mailboxId: 'mbx_support', envelope: { remoteAddress: '192.0.2.10', mailFrom: 'ana@customer.example' } });
    expect(message.authResults).toMatchObject({ checked: true, dkim: [{ result: 'pass' }], dmarc: { result: 'pass' } });
    expect(await store.db.attachment.count({ where: { messageId: message.id } })).toBe(1);
  });

  it('refuses a missing, stale or wrong signature, and a body changed after signing', async () => {
    const before = await messages();
    const payload = await multipart({ email: 'From: a@b.example\r\nSubject: x\r\n\r\nbody\r\n', envelope: '{}' });
    const fresh = now();
    const stale = String(Math.floor(Date.now() / 1000) - 3600);
    const tampered = { ...payload, body: Buffer.from(payload.body.toString('latin1').replace('body', 'bodY'), 'latin1') };
    const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const cases = [
      await sendgrid(payload, {}),
      await sendgrid(payload, { 'x-twilio-email-event-webhook-signature': signSendgrid(payload.body, stale), 'x-twilio-email-event-webhook-timestamp': stale }),
      await sendgrid(tampered, { 'x-twilio-email-event-webhook-signature': signSendgrid(payload.body, fresh), 'x-twilio-email-event-webhook-timestamp': fresh }),
      await sendgrid(payload, {
        'x-twilio-email-event-webhook-signature': sign('sha256', Buffer.concat([Buffer.from(fresh), payload.body]), other.privateKey).toString('base64'),
        'x-twilio-email-event-webhook-timestamp': fresh,
      }),
    ];
    expect(cases.map((response) => response.status)).toEqual([401, 401, 401, 401]);
    expect(await messages()).toBe(before);
  });

  it('stores a parsed-mode post (headers, text, html, attachment files) behind the URL token', async () => {
    const payload = await multipart({
      headers: 'From: Ana <ana@customer.example>\nTo: support@inbound.example\nSubject: Parsed mode\nMessage-ID: <sg-parsed@customer.example>\n',
      text: 'Parsed body.',
      html: '<p>Parsed body.</p>',
      from: 'Ana <ana@customer.example>',
      to: 'support@inbound.example',
      subject: 'Parsed mode',
      envelope: JSON.stringify({ to: ['support@inbound.example'], from: 'ana@customer.example' }),
      attachments: '1',
      'attachment-info': JSON.stringify({ attachment1: { filename: 'manual.pdf', name: 'manual.pdf', type: 'application/pdf' } }),
      attachment1: new File([PDF_BYTES], 'manual.pdf', { type: 'application/pdf' }),
    });
    const token = 'sendgrid-url-token-0123456789';
    const overrides = { SENDGRID_PARSE_PUBLIC_KEY: undefined, SENDGRID_PARSE_TOKEN: token };
    expect((await sendgrid(payload, {}, overrides, '?token=wrong')).status).toBe(401);
    const response = await sendgrid(payload, {}, overrides, `?token=${token}`);
    expect(response.status).toBe(200);
    const message = await stored(response);
    expect(message).toMatchObject({ messageIdHeader: '<sg-parsed@customer.example>', senderAddress: 'ana@customer.example', textBody: 'Parsed body.' });
    const [attachment] = await store.db.attachment.findMany({ where: { messageId: message.id } });
    expect(attachment).toMatchObject({ filename: 'manual.pdf', sizeBytes: PDF_BYTES.length });
  });
});

function mailgunForm(fields: Record<string, string | Blob>, timestamp = String(Math.floor(Date.now() / 1000)), token = `${Math.random().toString(16).slice(2)}${Date.now()}`, key = MAILGUN_KEY) {
  return { ...fields, timestamp, token, signature: mailgunSignature(key, timestamp, token) };
}

async function mailgun(fields: Record<string, string | Blob>, route = '/api/inbound/mailgun') {
  const payload = await multipart(fields);
  return handleMailgunInbound(new Request(`https://app.example${route}`, { method: 'POST', headers: { 'content-type': payload.contentType }, body: new Uint8Array(payload.body) }), deps());
}

describe('Mailgun routes (HMAC of timestamp + token, replay protection)', () => {
  it('computes the documented signature', () => {
    expect(mailgunSignature('test-signing-key', '1461261330', '06c96bafc3f42a66b9edd546347a2fe18dc23461fe80dc52f0')).toBe(
      'd164d7ce64c30eb5de535f7d479ed7074b9b19728ddbf79cb7c0c8698240198b',
    );
  });

  const parsed = {
    recipient: 'support@inbound.example',
    sender: 'envelope-from@customer.example',
    from: '"Ana Souza" <ana@customer.example>',
    subject: 'Via Mailgun',
    'body-plain': 'Plain body',
    'body-html': '<div>Html body <img src="cid:abc123"></div>',
    'attachment-count': '1',
    'attachment-1': new File([PNG_BYTES], 'image.png', { type: 'image/png' }),
    'content-id-map': JSON.stringify({ '<abc123>': 'attachment-1' }),
    'message-headers': JSON.stringify([
      ['X-Mailgun-Spf', 'Pass'],
      ['From', '"Ana Souza" <ana@customer.example>'],
      ['Message-Id', '<mg-1@customer.example>'],
      ['Subject', 'Via Mailgun'],
      ['To', '"Support" <support@inbound.example>'],
    ]),
  };

  it('stores a signed parsed forward once and refuses the same signature again (406)', async () => {
    const fields = mailgunForm(parsed);
    const response = await mailgun(fields);
    expect(response.status).toBe(200);
    const message = await stored(response);
    expect(message).toMatchObject({
      channel: 'mailgun',
      mailboxId: 'mbx_support',
      messageIdHeader: '<mg-1@customer.example>',
      envelope: { mailFrom: 'envelope-from@customer.example', rcptTo: ['support@inbound.example'] },
    });
    expect(await store.db.attachment.findFirstOrThrow({ where: { messageId: message.id } })).toMatchObject({ filename: 'image.png', contentId: 'abc123', inline: true });
    const replay = await mailgun(fields);
    expect(replay.status).toBe(406);
  });

  it('refuses a wrong key, a stale timestamp and a missing signature without storing', async () => {
    const before = await messages();
    const stale = String(Math.floor(Date.now() / 1000) - 3600);
    const statuses = [
      (await mailgun(mailgunForm(parsed, undefined, undefined, 'not-the-key'))).status,
      (await mailgun(mailgunForm(parsed, stale))).status,
      (await mailgun(parsed)).status,
    ];
    expect(statuses).toEqual([401, 401, 401]);
    expect(await messages()).toBe(before);
  });

  it('takes the raw MIME of a /mime route byte for byte', async () => {
    const raw = await customer.sign(
      await composeMime({ from: 'ana@customer.example', to: 'support@inbound.example', subject: 'Mailgun raw', messageId: '<mg-raw@customer.example>', text: 'Raw.' }),
    );
    const response = await mailgun(mailgunForm({ recipient: 'support@inbound.example', sender: 'ana@customer.example', 'body-mime': raw.toString('utf8') }), '/api/inbound/mailgun/mime');
    const message = await stored(response);
    expect(Buffer.from(message.rawMime ?? [])).toEqual(raw);
    expect(message.authResults).toMatchObject({ checked: true, dmarc: { result: 'pass' } });
  });
});
