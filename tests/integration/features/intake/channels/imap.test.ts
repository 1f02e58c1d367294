import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS } from '../../../../../devstack/demo-emails';
import { saveMailbox } from '../../../../../lib/features/mailboxes/save-mailbox';
import { mailboxInputSchema, type MailboxInput } from '../../../../../lib/features/mailboxes/schema';
import { createSecretBox } from '../../../../../lib/platform/crypto/secret-box';
import { composeMime } from '../../../../fixtures/mime';
import { startDovecot, type Dovecot } from '../../../../support/dovecot';
import { PROJECT_ROOT } from '../../../../support/project-root';
import { startSystem, type System } from '../../../support/system';
import type { WorkerProcess } from '../../../support/worker-process';

const KEY = randomBytes(32).toString('base64');
const box = createSecretBox(KEY);
const support = { user: 'support@a.test', password: 'support-imap-password' };
const billing = { user: 'billing@a.test', password: 'billing-imap-password' };
const bulk = { user: 'bulk@a.test', password: 'bulk-imap-password' };
const other = { user: 'other@a.test', password: 'other-imap-password' };
const MAX_BYTES = 300_000;

let dovecot: Dovecot;
let system: System;
let worker: WorkerProcess;
const ids = { support: '', billing: '', bulk: '' };

function mailboxInput(user: { user: string; password: string }, name: string, more: Partial<Record<keyof MailboxInput, unknown>> = {}): MailboxInput {
  const smtpPort = Number(new URL(system.mail.smtpUrl).port);
  return mailboxInputSchema.parse({
    address: user.user,
    displayName: name,
    inboundChannel: 'imap',
    imapHost: '127.0.0.1',
    imapPort: dovecot.port,
    imapSecurity: 'none',
    imapUser: user.user,
    imapPassword: user.password,
    smtpHost: '127.0.0.1',
    smtpPort,
    smtpSecurity: 'none',
    ...more,
  });
}

const save = (input: MailboxInput) => saveMailbox(input, { actorId: null, source: 'ui', box }, system.store.db);

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\nworker log:\n${worker?.output().slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

const demo = (key: string) => {
  const email = DEMO_EMAILS.find((entry) => entry.key === key);
  if (!email) throw new Error(key);
  return email;
};

async function mail(to: string, from: string, subject: string, text: string, messageId = `<${randomBytes(8).toString('hex')}@customer.test>`) {
  return composeMime({ from, to, subject, text, messageId });
}

const messagesOf = (mailboxId: string) => system.store.db.message.findMany({ where: { mailboxId, direction: 'inbound' }, orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  dovecot = await startDovecot([support, billing, bulk, other]);
  system = await startSystem(
    { holdSeconds: 1, autoSendCategories: ['account', 'orders', 'feedback', 'billing'] },
    {
      MAILBOX_SECRET_KEY: KEY,
      // IDLE brings new mail; polling would take five minutes.
      IMAP_POLL_SECONDS: '300',
      INBOUND_MAX_BYTES: String(MAX_BYTES),
      SENDER_AUTH_ZONE_FILE: path.join(PROJECT_ROOT, 'tests/fixtures/dns/empty-zone.json'),
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'countersign-imap-data-')),
    },
  );
  ids.support = (await save(mailboxInput(support, 'Acme Support'))).id;
  ids.billing = (await save(mailboxInput(billing, 'Acme Billing'))).id;
  ids.bulk = (await save(mailboxInput(bulk, 'Acme Bulk'))).id;
  worker = await system.startWorker();
  await until('every mailbox connected', async () => (await system.store.db.mailbox.count({ where: { readerStatus: 'ok' } })) === 3);
});
afterAll(async () => {
  await system?.stop();
  await dovecot?.close();
});

describe('IMAP against a real Dovecot', () => {
  it('turns mail appended to the INBOX into a conversation (announced by IDLE) and sends the reply from that mailbox through its SMTP relay', async () => {
    const email = demo('password-reset');
    await dovecot.append(support, await mail('support@a.test', email.from, email.subject, email.text));
    const message = await until('the message', async () => (await messagesOf(ids.support)).at(0));
    expect(message).toMatchObject({ channel: 'imap', subject: email.subject, fromAddress: 'maria.lopez@example.com' });
    const conversation = await system.store.db.conversation.findUniqueOrThrow({ where: { id: message.conversationId } });
    expect(conversation.mailboxId).toBe(ids.support);

    const reply = await system.mail.waitFor((caught) => caught.to.includes('maria.lopez@example.com'), 90_000);
    expect(reply.from).toBe('support@a.test');
    expect(reply.envelope.from).toBe('support@a.test');
    expect((await system.mail.get(reply.id))?.headers.from).toContain('Acme Support');
    // Stored first, then marked read on the server; the cursor sits on it.
    expect(await dovecot.flags(support)).toEqual([{ uid: 1, seen: true }]);
    expect(await system.store.db.mailbox.findUniqueOrThrow({ where: { id: ids.support } })).toMatchObject({ imapLastUid: 1, readerStatus: 'ok' });
  });

  it('keeps a second mailbox apart: its own conversation, its own From', async () => {
    const email = demo('invoice-download');
    await dovecot.append(billing, await mail('billing@a.test', email.from, email.subject, email.text));
    const message = await until('the billing message', async () => (await messagesOf(ids.billing)).at(0));
    const conversation = await system.store.db.conversation.findUniqueOrThrow({ where: { id: message.conversationId } });
    expect(conversation.mailboxId).toBe(ids.billing);
    expect(await system.store.db.conversation.count({ where: { mailboxId: ids.support } })).toBe(1);
    const reply = await system.mail.waitFor((caught) => caught.to.includes('tom@beckerdesign.example'), 90_000);
    expect(reply.from).toBe('billing@a.test');
    expect((await system.mail.get(reply.id))?.headers.from).toContain('Acme Billing');
  });

  it('shows refused credentials on the mailbox, keeps the others working, and recovers when the password is fixed', async () => {
    const wrong = { user: other.user, password: 'not-the-password' };
    const { id } = await save(mailboxInput(wrong, 'Wrong password'));
    const failing = await until('the refusal', async () => {
      const row = await system.store.db.mailbox.findUniqueOrThrow({ where: { id } });
      return row.readerStatus === 'error' && row;
    }, 60_000, 250);
    expect(failing.lastError).toMatch(/refused the user name or password/);
    expect(failing.lastError).not.toContain('not-the-password');

    await dovecot.append(support, await mail('support@a.test', 'Kim <kim@customer.test>', 'Still works?', 'Hello from Kim.'));
    await until('support still reading', async () => (await messagesOf(ids.support)).find((message) => message.subject === 'Still works?'));

    await save(mailboxInput(other, 'Wrong password', { id }));
    await until('recovery after the fix', async () => (await system.store.db.mailbox.findUniqueOrThrow({ where: { id } })).readerStatus === 'ok', 60_000, 250);
    await system.store.db.mailbox.update({ where: { id }, data: { enabled: false } });
  });

  it('survives the server dropping every connection: the error is shown, then it reconnects and reads on', async () => {
    await dovecot.stop();
    await until('the dropped connection on the mailbox', async () => (await system.store.db.mailbox.findUniqueOrThrow({ where: { id: ids.support } })).readerStatus === 'error', 30_000, 100);
    await dovecot.start();
    await dovecot.append(support, await mail('support@a.test', 'Lee <lee@customer.test>', 'After the outage', 'Are you back?'));
    await until('mail after the outage', async () => (await messagesOf(ids.support)).find((message) => message.subject === 'After the outage'), 90_000, 250);
    expect((await system.store.db.mailbox.findUniqueOrThrow({ where: { id: ids.support } })).readerStatus).toBe('ok');
  });

  it('leaves a message over the size limit unread on the server, tells a person where it is, and reads on', async () => {
    const big = await composeMime({
      from: 'Ola <ola@customer.test>',
      to: 'support@a.test',
      subject: 'Huge scan',
      text: 'See attached.',
      messageId: '<huge-1@customer.test>',
      attachments: [{ filename: 'scan.pdf', content: randomBytes(MAX_BYTES), contentType: 'application/pdf' }],
    });
    await dovecot.append(support, big);
    await dovecot.append(support, await mail('support@a.test', 'Ola <ola@customer.test>', 'Small follow-up', 'Did the scan arrive?'));
    const notice = await until('the notice', async () => (await messagesOf(ids.support)).find((message) => message.subject === 'Huge scan'));
    expect(notice.textBody).toMatch(/over the intake limit .* left unread in support@a\.test, folder INBOX \(UID \d+\)/);
    expect(notice.screening).toContain('oversized');
    await until('the next message', async () => (await messagesOf(ids.support)).find((message) => message.subject === 'Small follow-up'));
    const flags = await dovecot.flags(support);
    expect(flags.filter((flag) => !flag.seen)).toEqual([{ uid: notice.textBody?.match(/UID (\d+)/)?.[1] ? Number(notice.textBody.match(/UID (\d+)/)?.[1]) : -1, seen: false }]);
  });

  it('killed mid-fetch and restarted, the worker leaves no duplicate and no missing conversation', async () => {
    const COUNT = 60;
    const client = await dovecot.client(bulk);
    try {
      for (let index = 0; index < COUNT; index += 1) {
        await client.append('INBOX', await mail('bulk@a.test', `Customer ${index} <c${index}@customer.test>`, `Bulk ${index}`, `Message number ${index}.`));
      }
    } finally {
      await client.logout();
    }
    const atKill = await until('the first few stored', async () => {
      const count = await system.store.db.message.count({ where: { mailboxId: ids.bulk } });
      return count >= 3 && count;
    }, 60_000, 10);
    await worker.kill('SIGKILL');
    const afterKill = await system.store.db.message.count({ where: { mailboxId: ids.bulk } });
    expect(afterKill).toBeLessThan(COUNT); // it really died mid-fetch
    expect(atKill).toBeGreaterThanOrEqual(3);

    worker = await system.startWorker();
    await until('all of them', async () => (await system.store.db.message.count({ where: { mailboxId: ids.bulk } })) >= COUNT, 120_000, 250);
    await until('every one marked read', async () => (await dovecot.flags(bulk)).every((flag) => flag.seen), 60_000, 250);
    const stored = await messagesOf(ids.bulk);
    expect(stored).toHaveLength(COUNT);
    expect(new Set(stored.map((message) => message.subject)).size).toBe(COUNT);
    expect(new Set(stored.map((message) => message.conversationId)).size).toBe(COUNT);
    expect((await system.store.db.mailbox.findUniqueOrThrow({ where: { id: ids.bulk } })).imapLastUid).toBe(COUNT);
  });
});
