import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailCatcher, type MailCatcher } from '../../../../devstack/mail-catcher/server';
import { createSecretBox } from '../../../../lib/platform/crypto/secret-box';
import { createSmtpMailer, type Mailer } from '../../../../lib/platform/mail/mailer';
import { addNote } from '../../../../lib/features/notes/add-note';
import { NoteError } from '../../../../lib/features/notes/note-error';
import { notify, type NotifyDeps } from '../../../../lib/features/notifications/notify';
import { getNotificationPreferences, setNotificationPreferences } from '../../../../lib/features/notifications/preferences';
import { setWebhookUrl } from '../../../../lib/features/notifications/webhook-url';
import { markNotificationsRead } from '../../../../lib/features/notifications/mark-read';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { seedConversation } from '../../read/support/seed';
import { seedPerson } from './support';

/**
 * notify(): in the app, by email through a real SMTP catcher, and to a Slack-compatible
 * webhook on a local HTTP server (port chosen by the OS), as each person chose.
 */
let store: TempDb;
let mail: MailCatcher;
let mailer: Mailer;
let hook: Server;
let hookUrl: string;
let hookStatus = 204;
const posts: { path: string; contentType: string | undefined; body: unknown }[] = [];
const secrets = createSecretBox(randomBytes(32).toString('base64'));
const dir = mkdtempSync(path.join(tmpdir(), 'notify-'));
let deps: Partial<NotifyDeps>;

const readBody = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

beforeAll(async () => {
  store = await createTempDb();
  mail = await startMailCatcher({ smtpPort: 0, httpPort: 0, storageDir: path.join(dir, 'mail') });
  mailer = createSmtpMailer(mail.smtpUrl);
  hook = createServer((request, response) => {
    void readBody(request).then((text) => {
      posts.push({ path: request.url ?? '', contentType: request.headers['content-type'], body: JSON.parse(text) as unknown });
      response.writeHead(hookStatus).end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}`;
  deps = { mailer, mailFrom: 'Countersign <support@countersign.test>', appUrl: 'https://support.example', secrets };
});

afterAll(async () => {
  mailer?.close();
  await new Promise((resolve) => hook?.close(resolve));
  await mail?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('notify', () => {
  it('posts a mention to the person’s webhook as {text}, and keeps the URL sealed at rest', async () => {
    const author = await seedPerson(store.db, { name: 'Ana Author' });
    const wendy = await seedPerson(store.db, { name: 'Wendy Webhook' });
    const prefs = await getNotificationPreferences(wendy, store.db);
    await setNotificationPreferences(wendy, { ...prefs, mention: ['in_app', 'webhook'] }, store.db);
    await setWebhookUrl(wendy, `${hookUrl}/services/T000/B000/secret-part`, store.db, secrets);
    const conversationId = await seedConversation(store.db, { subject: 'Refund for order 1182' });

    await addNote({ conversationId, authorId: author, body: '@wendy can you check the carrier first?' }, store.db, deps);

    expect(posts).toEqual([
      {
        path: '/services/T000/B000/secret-part',
        contentType: 'application/json',
        body: { text: `Ana Author mentioned you on “Refund for order 1182”\n@wendy can you check the carrier first?\nhttps://support.example/conversations/${conversationId}` },
      },
    ]);
    const [notice] = await store.db.notification.findMany({ where: { userId: wendy }, include: { deliveries: true } });
    expect(notice).toMatchObject({ kind: 'mention', readAt: null, deliveries: [{ channel: 'webhook', status: 'sent', error: null }] });
    const row = await store.db.notificationChannelSettings.findUniqueOrThrow({ where: { userId: wendy } });
    expect(row.webhookUrlSealed).not.toContain('secret-part');
    expect(row.webhookUrlSealed).not.toContain('127.0.0.1');
    const audit = await store.db.auditLog.findMany({ where: { target: `user:${wendy}` } });
    expect(JSON.stringify(audit)).not.toContain('secret-part');
  });

  it('records a failing webhook on the notice without the URL, and still notifies in the app', async () => {
    const frank = await seedPerson(store.db, { name: 'Frank Failing' });
    const prefs = await getNotificationPreferences(frank, store.db);
    await setNotificationPreferences(frank, { ...prefs, assignment: ['in_app', 'webhook'] }, store.db);
    await setWebhookUrl(frank, `${hookUrl}/hooks/token-xyz`, store.db, secrets);
    const conversationId = await seedConversation(store.db);
    hookStatus = 500;
    try {
      const result = await notify({ kind: 'assignment', conversationId, assigneeId: frank, actorId: null, key: 'failing' }, { db: store.db, ...deps });
      expect(result.failures).toEqual([{ userId: frank, channel: 'webhook', error: 'the webhook answered HTTP 500' }]);
    } finally {
      hookStatus = 204;
    }
    const [notice] = await store.db.notification.findMany({ where: { userId: frank }, include: { deliveries: true } });
    expect(notice?.readAt).toBeNull();
    expect(notice?.deliveries).toMatchObject([{ channel: 'webhook', status: 'failed', error: 'the webhook answered HTTP 500' }]);
  });

  it('honours each person’s channels: email only is mailed and filed as read, the default stays in the app', async () => {
    const emma = await seedPerson(store.db, { name: 'Emma Email' });
    const ivan = await seedPerson(store.db, { name: 'Ivan InApp' });
    const prefs = await getNotificationPreferences(emma, store.db);
    await setNotificationPreferences(emma, { ...prefs, escalation: ['email'] }, store.db);
    const conversationId = await seedConversation(store.db, { subject: 'Broken zipper' });
    // Nobody owns it: escalation reaches the whole team.
    const result = await notify({ kind: 'escalation', conversationId, draftVersion: 2, waitedMinutes: 45 }, { db: store.db, ...deps });
    expect(result.notified).toEqual(expect.arrayContaining([emma, ivan]));

    const emmaEmail = (await store.db.user.findUniqueOrThrow({ where: { id: emma } })).email;
    const ivanEmail = (await store.db.user.findUniqueOrThrow({ where: { id: ivan } })).email;
    const caught = await mail.waitFor((message) => message.to.includes(emmaEmail), 10_000);
    expect(caught.subject).toBe('[Countersign] Escalated: “Broken zipper”');
    expect((await mail.get(caught.id))?.text).toContain(`https://support.example/conversations/${conversationId}`);
    expect((await mail.list()).some((message) => message.to.includes(ivanEmail))).toBe(false);

    const emmaNotice = await store.db.notification.findFirstOrThrow({ where: { userId: emma, kind: 'escalation' } });
    expect(emmaNotice.readAt).not.toBeNull();
    const ivanNotice = await store.db.notification.findFirstOrThrow({ where: { userId: ivan, kind: 'escalation' } });
    expect(ivanNotice.readAt).toBeNull();
  });

  it('tells nobody twice about the same event, and never a disabled person', async () => {
    const owner = await seedPerson(store.db, { name: 'Olive Owner' });
    const conversationId = await seedConversation(store.db, { assigneeId: owner });
    const event = { kind: 'needs_person', conversationId, reason: 'Claude refused to answer.', key: 'wf-1:3' } as const;
    expect((await notify(event, { db: store.db, ...deps })).notified).toEqual([owner]);
    expect((await notify(event, { db: store.db, ...deps })).notified).toEqual([]);
    expect(await store.db.notification.count({ where: { conversationId } })).toBe(1);

    const disabled = await seedPerson(store.db, { name: 'Dan Disabled', disabled: true });
    const result = await notify({ kind: 'assignment', conversationId, assigneeId: disabled, actorId: owner }, { db: store.db, ...deps });
    expect(result.notified).toEqual([]);
  });

  it('marks only the reader’s own notices read', async () => {
    const a = await seedPerson(store.db, { name: 'Reader A' });
    const b = await seedPerson(store.db, { name: 'Reader B' });
    const conversationId = await seedConversation(store.db);
    for (const userId of [a, b]) await notify({ kind: 'assignment', conversationId, assigneeId: userId, actorId: null, key: `read-${userId}` }, { db: store.db, ...deps });
    const other = await store.db.notification.findFirstOrThrow({ where: { userId: b } });
    expect(await markNotificationsRead({ userId: a, ids: [other.id] }, store.db)).toBe(0);
    expect(await markNotificationsRead({ userId: a }, store.db)).toBe(1);
    expect((await store.db.notification.findUniqueOrThrow({ where: { id: other.id } })).readAt).toBeNull();
  });
});

describe('notes with @mentions', () => {
  it('refuses a mention of nobody (or of a disabled person) and saves nothing', async () => {
    const author = await seedPerson(store.db, { name: 'Nina Notes' });
    await seedPerson(store.db, { name: 'Xavier Gone', disabled: true });
    const conversationId = await seedConversation(store.db);
    for (const body of ['Please ask @nobodyhere about it', 'cc @xavier']) {
      const attempt = addNote({ conversationId, authorId: author, body }, store.db, deps);
      await expect(attempt).rejects.toBeInstanceOf(NoteError);
      await expect(attempt).rejects.toThrow(/matches nobody on the team.*the note was not saved/);
    }
    expect(await store.db.conversationNote.count({ where: { conversationId } })).toBe(0);
    expect(await store.db.notification.count({ where: { conversationId } })).toBe(0);
  });

  it('refuses an ambiguous mention, and resolves one by email', async () => {
    const author = await seedPerson(store.db, { name: 'Sam Author' });
    await seedPerson(store.db, { name: 'Lee Alpha' });
    const second = await seedPerson(store.db, { name: 'Lee Beta' });
    const conversationId = await seedConversation(store.db);
    await expect(addNote({ conversationId, authorId: author, body: 'ping @lee' }, store.db, deps)).rejects.toThrow(/@lee matches Lee Alpha, Lee Beta\. Use their email/);
    const email = (await store.db.user.findUniqueOrThrow({ where: { id: second } })).email;
    const note = await addNote({ conversationId, authorId: author, body: `ping @${email}.` }, store.db, deps);
    expect(note.mentioned.map((person) => person.id)).toEqual([second]);
    expect(await store.db.notification.count({ where: { userId: second, kind: 'mention' } })).toBe(1);
  });
});
