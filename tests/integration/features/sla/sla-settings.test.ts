import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY } from '../../../../lib/core/sla/sla-policy';
import { DEFAULT_SCHEDULE_TIMES } from '../../../../lib/core/schedules';
import { getScheduleTimes, getSlaPolicy, SLA_POLICY_KEY, updateScheduleTimes, updateSlaPolicy } from '../../../../lib/features/settings/sla-settings';
import { SettingsError } from '../../../../lib/features/settings/settings-error';
import { readResponseSlaStats } from '../../../../lib/read/overview/response-sla-stats';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { seedConversation } from '../../read/support/seed';

let temp: TempDb;
const manager = { id: 'user-manager', role: 'manager' as const };
const agent = { id: 'user-agent', role: 'agent' as const };

beforeAll(async () => {
  temp = await createTempDb();
});
afterAll(async () => {
  await temp.close();
});

describe('SLA and schedule settings', () => {
  it('start from the defaults, are saved by managers only, and are audited', async () => {
    const { db } = temp;
    expect(await getSlaPolicy(db)).toEqual(DEFAULT_SLA_POLICY);
    expect(await getScheduleTimes(db)).toEqual(DEFAULT_SCHEDULE_TIMES);
    const next = { ...DEFAULT_SLA_POLICY, reminderMinutesBefore: 45, businessHours: { ...DEFAULT_SLA_POLICY.businessHours, timeZone: 'Europe/Lisbon', holidays: ['2026-12-25'] } };
    await expect(updateSlaPolicy(agent, next, db)).rejects.toBeInstanceOf(SettingsError);
    await updateSlaPolicy(manager, next, db);
    await updateScheduleTimes(manager, { ...DEFAULT_SCHEDULE_TIMES, digestAt: '06:45' }, db);
    expect(await getSlaPolicy(db)).toEqual(next);
    expect((await getScheduleTimes(db)).digestAt).toBe('06:45');
    const audits = await db.auditLog.findMany({ where: { actorId: manager.id }, orderBy: { createdAt: 'asc' } });
    expect(audits.map((audit) => audit.action)).toEqual(['settings.sla_policy.update', 'settings.schedule_times.update']);
    expect(audits[0]?.after).toMatchObject({ reminderMinutesBefore: 45 });
  });

  it('falls back to the defaults when a saved row cannot be read, so reminders never fall silent', async () => {
    await temp.db.setting.update({ where: { key: SLA_POLICY_KEY }, data: { value: { enabled: 'maybe' } } });
    expect(await getSlaPolicy(temp.db)).toEqual(DEFAULT_SLA_POLICY);
  });
});

describe('readResponseSlaStats', () => {
  it('counts breaches and reminders in the window and what is owed and overdue now', async () => {
    const { db } = temp;
    const now = new Date('2026-03-10T12:00:00Z');
    for (const id of ['s1', 's2', 's3']) await seedConversation(db, { id, status: 'needs_person', subject: `About ${id}` });
    await db.conversationSla.createMany({
      data: [
        { conversationId: 's1', kind: 'first_response', targetKey: 'first', since: now, dueAt: new Date('2026-03-10T11:00:00Z') },
        { conversationId: 's2', kind: 'first_response', targetKey: 'first', since: now, dueAt: new Date('2026-03-10T13:00:00Z') },
      ],
    });
    await db.slaNotice.createMany({
      data: [
        { conversationId: 's1', targetKey: 'first', targetKind: 'first_response', kind: 'reminder', dueAt: new Date('2026-03-10T11:00:00Z'), createdAt: new Date('2026-03-10T10:30:00Z') },
        { conversationId: 's1', targetKey: 'first', targetKind: 'first_response', kind: 'breach', dueAt: new Date('2026-03-10T11:00:00Z'), createdAt: new Date('2026-03-10T11:00:00Z') },
        { conversationId: 's3', targetKey: 'first', targetKind: 'first_response', kind: 'breach', dueAt: new Date('2026-03-01T11:00:00Z'), createdAt: new Date('2026-03-01T11:00:00Z') },
      ],
    });
    const stats = await readResponseSlaStats({ since: new Date('2026-03-08T00:00:00Z'), now }, db);
    expect(stats).toMatchObject({ breaches: 1, reminders: 1, owing: 2, overdueNow: 1 });
    expect(stats.recent).toEqual([{ conversationId: 's1', subject: 'About s1', kind: 'first_response', dueAt: new Date('2026-03-10T11:00:00Z') }]);
  });
});
