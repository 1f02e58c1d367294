import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptInbound } from '../../../../../lib/features/intake/accept-inbound';
import { startInboundSmtp, type InboundSmtp } from '../../../../../lib/features/intake/channels/smtp/inbound-smtp-server';
import type { InboundEmail } from '../../../../../lib/features/intake/inbound-email';
import { createSenderAuthChecker } from '../../../../../lib/features/intake/sender-auth/check-sender-auth';
import { zoneResolver } from '../../../../../lib/platform/dns/resolver';
import { createLocalBlobStore } from '../../../../../lib/platform/storage/local-blob-store';
import { composeMime, PDF_BYTES } from '../../../../fixtures/mime';
import { createTempDb, type TempDb } from '../../../../support/temp-db';

const MAX = 64 * 1024;
let store: TempDb;
let dir: string;
let smtp: InboundSmtp;
let failStorage = false;

beforeAll(async () => {
  store = await createTempDb();
  dir = mkdtempSync(path.join(os.tmpdir(), 'countersign-smtp-'));
  await store.db.mailbox.create({ data: { id: 'mbx_mx', address: 'support@mx.example', displayName: 'Support', inboundChannel: 'smtp' } });
  const accept = async (email: InboundEmail) => {
    if (failStorage) throw new Error('database unavailable');
    return acceptInbound(
      {
        db: store.db,
        getClient: () => Promise.reject(new Error('Temporal is not part of this test')),
        config: { TEMPORAL_TASK_QUEUE: 'unused' },
        blobs: createLocalBlobStore(dir),
        // SPF for the sending IP is checked against this zone: 127.0.0.1 is the domain's server.
        senderAuth: createSenderAuthChecker({ resolver: zoneResolver({ 'sender.example': { TXT: [['v=spf1 ip4:127.0.0.1 -all']] } }), timeoutMs: 5_000 }),
      },
      email,
    );
  };
  smtp = await startInboundSmtp({ db: store.db, accept, port: 0, host: '127.0.0.1', maxBytes: MAX });
});
afterAll(async () => {
  await smtp?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const transport = () => nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true, name: 'mail.sender.example' });

async function send(raw: Buffer, envelope: { from: string; to: string[] }) {
  return transport().sendMail({ envelope, raw });
}

/** One raw SMTP dialogue: the replies the server gave, line by line. */
async function dialogue(lines: string[]): Promise<string[]> {
  const socket = net.connect(smtp.port, '127.0.0.1');
  const replies: string[] = [];
  let buffer = '';
  socket.on('data', (chunk) => {
    buffer += chunk.toString();
    const parts = buffer.split('\r\n');
    buffer = parts.pop() ?? '';
    replies.push(...parts.filter((line) => /^\d{3} /.test(line)));
  });
  const waitFor = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => (replies.length >= count ? resolve() : setTimeout(check, 5));
      check();
    });
  await waitFor(1);
  for (const line of lines) {
    const expected = replies.length + 1;
    socket.write(`${line}\r\n`);
    await waitFor(expected);
  }
  socket.end();
  return replies;
}

describe('inbound SMTP listener', () => {
  it('stores the message with its envelope and SPF for the connecting IP before answering 250', async () => {
    const raw = await composeMime({
      from: 'Ana <ana@sender.example>',
      to: 'support@mx.example',
      subject: 'By SMTP',
      messageId: '<smtp-1@sender.example>',
      text: 'Hello over SMTP.',
      attachments: [{ filename: 'manual.pdf', content: PDF_BYTES, contentType: 'application/pdf' }],
    });
    const info = await send(raw, { from: 'bounces@sender.example', to: ['support@mx.example'] });
    expect(info.response).toMatch(/^250 2\.0\.0 Stored as /);
    const id = info.response.replace(/^.*Stored as /, '').trim();
    const message = await store.db.message.findUniqueOrThrow({ where: { id } });
    expect(Buffer.from(message.rawMime ?? [])).toEqual(raw);
    expect(message).toMatchObject({
      channel: 'smtp',
      mailboxId: 'mbx_mx',
      envelope: { mailFrom: 'bounces@sender.example', rcptTo: ['support@mx.example'], remoteAddress: '127.0.0.1', helo: 'mail.sender.example' },
    });
    expect(message.authResults).toMatchObject({ checked: true, spf: { result: 'pass', domain: 'sender.example' } });
    expect(await store.db.attachment.count({ where: { messageId: id } })).toBe(1);
  });

  it('refuses recipients that are not a mailbox here (550: no open relay)', async () => {
    const replies = await dialogue(['EHLO test.example', 'MAIL FROM:<a@sender.example>', 'RCPT TO:<someone@elsewhere.example>', 'QUIT']);
    expect(replies.find((line) => line.startsWith('550'))).toMatch(/no such mailbox here/);
  });

  it('advertises its size limit and answers 552 for a larger message, storing nothing', async () => {
    const before = await store.db.message.count();
    const big = await composeMime({ from: 'ana@sender.example', to: 'support@mx.example', subject: 'Big', text: 'x'.repeat(MAX * 2) });
    await expect(send(big, { from: 'ana@sender.example', to: ['support@mx.example'] })).rejects.toMatchObject({ responseCode: 552 });
    const replies = await dialogue(['EHLO test.example', `MAIL FROM:<a@sender.example> SIZE=${MAX * 10}`, 'QUIT']);
    expect(replies.some((line) => line.startsWith('552'))).toBe(true);
    expect(await store.db.message.count()).toBe(before);
  });

  it('answers 451 when it cannot store, so the sender keeps the mail and retries', async () => {
    failStorage = true;
    try {
      const raw = await composeMime({ from: 'ana@sender.example', to: 'support@mx.example', subject: 'Later', text: 'Try again.' });
      await expect(send(raw, { from: 'ana@sender.example', to: ['support@mx.example'] })).rejects.toMatchObject({ responseCode: 451 });
    } finally {
      failStorage = false;
    }
  });
});
