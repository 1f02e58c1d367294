import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMailboxFor } from '../../../../lib/features/mailboxes/find-mailbox-for';
import { imapSettingsOf, smtpSettingsOf } from '../../../../lib/features/mailboxes/mailbox-connection';
import { saveMailbox } from '../../../../lib/features/mailboxes/save-mailbox';
import { mailboxInputSchema } from '../../../../lib/features/mailboxes/schema';
import { seedMailboxes } from '../../../../lib/features/mailboxes/seed-mailboxes';
import { createSecretBox } from '../../../../lib/platform/crypto/secret-box';
import { listInbox } from '../../../../lib/read/inbox/list-inbox';
import { createTempDb, type TempDb } from '../../../support/temp-db';

let store: TempDb;
const box = createSecretBox(randomBytes(32).toString('base64'));
beforeAll(async () => {
  store = await createTempDb();
});
afterAll(async () => {
  await store?.close();
});

const gmail = (more: object = {}) =>
  mailboxInputSchema.parse({
    address: 'Support@Example.com',
    displayName: 'Example Support',
    inboundChannel: 'imap',
    imapHost: 'imap.gmail.com',
    imapUser: 'support@example.com',
    imapPassword: 'abcd efgh ijkl mnop',
    smtpHost: 'smtp.gmail.com',
    smtpPort: '465',
    smtpUser: 'support@example.com',
    smtpPassword: 'abcd efgh ijkl mnop',
    ...more,
  });

describe('mailboxes as configuration', () => {
  it('stores passwords only as AES-256-GCM ciphertext bound to their row, keeps them when left empty, and audits without them', async () => {
    const { id } = await saveMailbox(gmail(), { actorId: 'admin-1', source: 'ui', box }, store.db);
    const row = await store.db.mailbox.findUniqueOrThrow({ where: { id } });
    expect(row.address).toBe('support@example.com');
    expect(row.imapPassword).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain('abcd efgh');
    expect(imapSettingsOf(row, box)).toMatchObject({ host: 'imap.gmail.com', port: 993, security: 'tls', password: 'abcd efgh ijkl mnop' });
    expect(smtpSettingsOf(row, box)).toMatchObject({ host: 'smtp.gmail.com', port: 465, password: 'abcd efgh ijkl mnop' });

    await saveMailbox(gmail({ id, imapPassword: '', smtpPassword: '', displayName: 'Renamed' }), { actorId: 'admin-1', source: 'ui', box }, store.db);
    const kept = await store.db.mailbox.findUniqueOrThrow({ where: { id } });
    expect(kept.displayName).toBe('Renamed');
    expect(imapSettingsOf(kept, box).password).toBe('abcd efgh ijkl mnop');

    const audit = await store.db.auditLog.findMany({ where: { target: `mailbox:${id}` } });
    expect(audit.map((entry) => entry.action)).toEqual(['mailbox.create', 'mailbox.update']);
    expect(JSON.stringify(audit)).not.toContain('abcd efgh');

    // A ciphertext copied into another mailbox's row does not open there; another key opens nothing.
    const other = await saveMailbox(gmail({ address: 'billing@example.com', imapPassword: 'other' }), { actorId: null, source: 'ui', box }, store.db);
    const otherRow = await store.db.mailbox.findUniqueOrThrow({ where: { id: other.id } });
    expect(() => imapSettingsOf({ ...otherRow, imapPassword: row.imapPassword }, box)).toThrow(/cannot be decrypted/);
    expect(() => imapSettingsOf(row, createSecretBox(randomBytes(32).toString('hex')))).toThrow(/MAILBOX_SECRET_KEY differs/);
  });

  it('refuses plain-text connections to other machines, a duplicate address and a missing key', async () => {
    const plain = mailboxInputSchema.safeParse({ ...gmail(), imapSecurity: 'none' });
    expect(plain.success).toBe(false);
    expect(mailboxInputSchema.safeParse({ ...gmail(), imapHost: '127.0.0.1', imapSecurity: 'none' }).success).toBe(true);
    await expect(saveMailbox(gmail({ address: 'dup@example.com' }), { actorId: null, source: 'ui', box: createSecretBox(undefined) }, store.db)).rejects.toThrow(/MAILBOX_SECRET_KEY is not set/);
    const first = await saveMailbox(gmail({ address: 'dup2@example.com' }), { actorId: null, source: 'ui', box }, store.db);
    const second = await saveMailbox(gmail({ address: 'dup3@example.com' }), { actorId: null, source: 'ui', box }, store.db);
    await expect(saveMailbox(gmail({ id: second.id, address: 'dup2@example.com' }), { actorId: null, source: 'ui', box }, store.db)).rejects.toThrow(/already a mailbox/);
    expect(first.created).toBe(true);
  });

  it('seeds from MAILBOXES_JSON by address, naming a bad entry', async () => {
    const json = JSON.stringify([{ address: 'sales@example.com', displayName: 'Sales', inboundChannel: 'postmark' }]);
    expect(await seedMailboxes(json, store.db)).toBe(1);
    expect(await seedMailboxes(json, store.db)).toBe(1);
    expect(await store.db.mailbox.count({ where: { address: 'sales@example.com', source: 'env' } })).toBe(1);
    await expect(seedMailboxes(JSON.stringify([{ address: 'nope', displayName: 'x', inboundChannel: 'imap' }]), store.db)).rejects.toThrow(/MAILBOXES_JSON\[0\.address\]/);
  });

  it('routes by recipient, envelope first, ignoring plus-addressing and disabled mailboxes', async () => {
    expect(await findMailboxFor(['"Sales" <Sales+1234@Example.com>'], store.db)).toMatchObject({ address: 'sales@example.com' });
    expect(await findMailboxFor(['nobody@example.com'], store.db)).toBeUndefined();
    await store.db.mailbox.update({ where: { address: 'sales@example.com' }, data: { enabled: false } });
    expect(await findMailboxFor(['sales@example.com'], store.db)).toBeUndefined();
  });

  it('filters the inbox by the mailbox a conversation came in on', async () => {
    const a = await saveMailbox(gmail({ address: 'filter-a@example.com' }), { actorId: null, source: 'ui', box }, store.db);
    const b = await saveMailbox(gmail({ address: 'filter-b@example.com' }), { actorId: null, source: 'ui', box }, store.db);
    const conversation = (id: string, mailboxId: string | null) => ({
      id,
      rootMessageId: `<${id}@x>`,
      subject: id,
      customerEmail: `${id}@customer.example`,
      status: 'awaiting_approval',
      lastMessageAt: new Date(),
      lastMessagePreview: '',
      mailboxId,
    });
    await store.db.conversation.createMany({ data: [conversation('conv-a1', a.id), conversation('conv-a2', a.id), conversation('conv-b1', b.id), conversation('conv-none', null)] });
    const ids = async (mailboxId?: string) => (await listInbox({ queue: 'all', sort: 'newest', mailboxId }, store.db)).rows.map((row) => row.id).sort();
    expect(await ids(a.id)).toEqual(['conv-a1', 'conv-a2']);
    expect(await ids(b.id)).toEqual(['conv-b1']);
    expect(await ids()).toEqual(['conv-a1', 'conv-a2', 'conv-b1', 'conv-none']);
  });
});
