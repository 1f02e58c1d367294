import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS } from '../../../../devstack/demo-emails';
import { saveMailbox } from '../../../../lib/features/mailboxes/save-mailbox';
import { mailboxInputSchema } from '../../../../lib/features/mailboxes/schema';
import { createSecretBox } from '../../../../lib/platform/crypto/secret-box';
import { composeMime } from '../../../fixtures/mime';
import { startDovecot, type Dovecot } from '../../../support/dovecot';
import { PROJECT_ROOT } from '../../../support/project-root';
import { startSystem, type System } from '../../support/system';
import type { WorkerProcess } from '../../support/worker-process';

/**
 * What the team's other mail clients see: a reply filed in the mailbox's Sent folder (the very message the customer got, marked read), and the customer's mail moved out of the INBOX to
 * the processed folder once stored. Both folders are missing at first and created on demand.
 */
const KEY = randomBytes(32).toString('base64');
const box = createSecretBox(KEY);
const support = { user: 'desk@b.test', password: 'desk-imap-password' };
let dovecot: Dovecot;
let system: System;
let worker: WorkerProcess;

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\nworker log:\n${worker?.output().slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function folder(name: string): Promise<{ seen: boolean; messageId?: string; source: string }[] | undefined> {
  const imap = await dovecot.client(support);
  try {
    const exists = (await imap.list()).some((entry) => entry.path === name);
    if (!exists) return undefined;
    const lock = await imap.getMailboxLock(name);
    try {
      const found: { seen: boolean; messageId?: string; source: string }[] = [];
      if ((imap.mailbox && imap.mailbox.exists) === 0) return found;
      for await (const message of imap.fetch('1:*', { flags: true, envelope: true, source: true })) {
        found.push({ seen: message.flags?.has('\\Seen') ?? false, messageId: message.envelope?.messageId, source: message.source?.toString('utf8') ?? '' });
      }
      return found;
    } finally {
      lock.release();
    }
  } finally {
    await imap.logout();
  }
}

beforeAll(async () => {
  dovecot = await startDovecot([support]);
  system = await startSystem(
    { holdSeconds: 1, autoSendCategories: ['account', 'orders', 'feedback', 'billing'] },
    {
      MAILBOX_SECRET_KEY: KEY,
      // IDLE brings the mail; the poll is the fallback when a push falls between a check and IDLE.
      IMAP_POLL_SECONDS: '10',
      SENDER_AUTH_ZONE_FILE: path.join(PROJECT_ROOT, 'tests/fixtures/dns/empty-zone.json'),
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'countersign-sent-data-')),
    },
  );
  const smtpPort = Number(new URL(system.mail.smtpUrl).port);
  await saveMailbox(
    mailboxInputSchema.parse({
      address: support.user,
      displayName: 'Desk',
      inboundChannel: 'imap',
      imapHost: '127.0.0.1',
      imapPort: dovecot.port,
      imapSecurity: 'none',
      imapUser: support.user,
      imapPassword: support.password,
      imapProcessedFolder: 'Processed',
      imapSentFolder: 'Sent',
      smtpHost: '127.0.0.1',
      smtpPort,
      smtpSecurity: 'none',
    }),
    { actorId: null, source: 'ui', box },
    system.store.db,
  );
  worker = await system.startWorker();
});
afterAll(async () => {
  await system?.stop();
  await dovecot?.close();
});

describe('sent copies and processed mail', () => {
  it('files the reply in Sent exactly as it left, and moves the customer’s mail to the processed folder', async () => {
    expect(await folder('Sent')).toBeUndefined();
    expect(await folder('Processed')).toBeUndefined();
    const email = DEMO_EMAILS.find((entry) => entry.key === 'password-reset')!;
    await dovecot.append(support, await composeMime({ from: email.from, to: support.user, subject: email.subject, text: email.text, messageId: '<reset-1@customer.test>' }));

    const caught = await system.mail.waitFor((mail) => mail.to.includes('maria.lopez@example.com'), 90_000);
    const sent = await until('the copy in Sent', async () => {
      const messages = await folder('Sent');
      return messages && messages.length > 0 && messages;
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.seen).toBe(true);
    // The copy is filed right after the SMTP hand-off; the ledger row may be marked sent a moment later.
    const stored = await until('the ledger row marked sent', () =>
      system.store.db.outboundSend.findFirst({ where: { status: 'sent' }, select: { messageIdHeader: true, body: true } }).then((row) => row ?? undefined),
    );
    expect(sent[0]!.messageId).toBe(stored.messageIdHeader);
    expect((await system.mail.get(caught.id))?.headers['message-id']).toBe(stored.messageIdHeader);
    expect(sent[0]!.source).toMatch(/^To: .*<maria\.lopez@example\.com>\r?$/m);
    expect(sent[0]!.source).toContain(stored.body.split('\n')[0]!.slice(0, 30));

    const processed = await until('the customer mail moved', async () => {
      const messages = await folder('Processed');
      return messages && messages.length > 0 && messages;
    });
    expect(processed.map((message) => message.messageId)).toEqual(['<reset-1@customer.test>']);
    expect(await folder('INBOX')).toEqual([]);
  });
});
