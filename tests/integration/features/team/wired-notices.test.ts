import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailCatcher, type MailCatcher } from '../../../../devstack/mail-catcher/server';
import { createSmtpMailer, type Mailer } from '../../../../lib/platform/mail/mailer';
import { notifyDemotion } from '../../../../lib/features/autonomy/notify-demotion';
import { getNotificationPreferences, setNotificationPreferences } from '../../../../lib/features/notifications/preferences';
import { createNotifyEscalation } from '../../../../worker/activities/notify-escalation';
import type { ActivityDeps } from '../../../../worker/activities/deps';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { seedConversation } from '../../read/support/seed';
import { seedPerson } from './support';

/** The existing notices now go through notify(): the review-SLA escalation and a demotion. */
let store: TempDb;
let mail: MailCatcher;
let mailer: Mailer;
const dir = mkdtempSync(path.join(tmpdir(), 'wired-notices-'));

beforeAll(async () => {
  store = await createTempDb();
  mail = await startMailCatcher({ smtpPort: 0, httpPort: 0, storageDir: path.join(dir, 'mail') });
  mailer = createSmtpMailer(mail.smtpUrl);
});

afterAll(async () => {
  mailer?.close();
  await mail?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('notices wired through notify', () => {
  it('escalation: the owner is told by the channels they chose, still the team address too, once per draft version', async () => {
    const owner = await seedPerson(store.db, { name: 'Owen Owner' });
    const bystander = await seedPerson(store.db, { name: 'Bea Bystander' });
    await setNotificationPreferences(owner, { ...(await getNotificationPreferences(owner, store.db)), escalation: ['in_app', 'email'] }, store.db);
    const conversationId = await seedConversation(store.db, { assigneeId: owner, subject: 'Invoice missing' });
    const config = { mailFrom: 'Countersign <support@countersign.test>', escalationEmail: 'team@countersign.test' } as ActivityDeps['config'];
    const notifyEscalation = createNotifyEscalation({ db: store.db, mailer, config } as ActivityDeps);

    await notifyEscalation({ conversationId, draftVersion: 1, waitedMinutes: 30 });
    await notifyEscalation({ conversationId, draftVersion: 1, waitedMinutes: 30 });

    expect(await store.db.notification.findMany({ where: { conversationId }, select: { userId: true, kind: true, title: true } })).toEqual([
      { userId: owner, kind: 'escalation', title: 'Escalated: “Invoice missing”' },
    ]);
    expect(await store.db.notification.count({ where: { userId: bystander } })).toBe(0);
    const ownerEmail = (await store.db.user.findUniqueOrThrow({ where: { id: owner } })).email;
    await mail.waitFor((message) => message.to.includes(ownerEmail), 10_000);
    await mail.waitFor((message) => message.to.includes('team@countersign.test'), 10_000);
    expect((await mail.list()).filter((message) => message.to.includes(ownerEmail))).toHaveLength(1);
  });

  it('demotion: managers and admins are told, agents are not', async () => {
    const manager = await seedPerson(store.db, { name: 'Mona Manager', role: 'manager' });
    const admin = await seedPerson(store.db, { name: 'Adam Admin', role: 'admin' });
    const agent = await seedPerson(store.db, { name: 'Abe Agent' });
    const demotion = { at: '2026-12-06T09:00:00.000Z', summary: 'Agents changed 3 of the last 4 billing replies.', figures: {} as never, threshold: 0.9 };
    await notifyDemotion({ category: 'billing', demotion, mailFrom: 'Countersign <support@countersign.test>' }, mailer, store.db);
    const told = await store.db.notification.findMany({ where: { kind: 'demotion' }, select: { userId: true, title: true, body: true } });
    expect(told.map((row) => row.userId).sort()).toEqual([manager, admin].sort());
    expect(told[0]).toMatchObject({ title: 'Auto-send switched off for “billing”', body: demotion.summary });
    expect(told.some((row) => row.userId === agent)).toBe(false);
  });
});
