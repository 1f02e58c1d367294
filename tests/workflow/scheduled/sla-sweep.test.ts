import { describe, expect, it } from 'vitest';
import { SCHEDULED_WORKFLOWS, type SlaSweepResult } from '../../../lib/core/schedules';
import { localParts, nextDate, zonedInstant } from '../../../lib/core/sla/zoned-time';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../../../lib/core/sla/sla-policy';
import { SLA_POLICY_KEY } from '../../../lib/features/settings/sla-settings';
import { TEAM, withScheduledWork } from './scheduled-harness';

const MINUTE = 60_000;
const SWEEP_EVERY = 15 * MINUTE;

/**
 * A fixed zone whose local time is 12:xx now (Etc/GMT-N is UTC+N), so the test can say "open
 * 09:00-13:00 every day" and know the conversation arrives an hour before closing, whatever
 * time the test runs.
 */
function zoneWithLocalNoon(now: Date): string {
  const offset = 12 - now.getUTCHours();
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

describe('the SLA sweep workflow', () => {
  it('reminds before and escalates at the due time counted in business hours, once each, for Needs a person and a failed send', async () => {
    await withScheduledWork(async (run) => {
      const { db } = run.temp;
      const start = await run.now();
      const timeZone = zoneWithLocalNoon(start);
      const today = localParts(start.getTime(), timeZone).date;
      const tomorrow = nextDate(today);
      const local = (date: string, clock: string) => new Date(zonedInstant(date, Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3)), timeZone));
      const policy: SlaPolicy = {
        ...DEFAULT_SLA_POLICY,
        businessHours: { timeZone, weekly: Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((day) => [day, [{ start: '09:00', end: '13:00' }]])), holidays: [tomorrow] },
        targets: { ...DEFAULT_SLA_POLICY.targets, normal: { firstResponseMinutes: 120, nextResponseMinutes: 120 } },
        reminderMinutesBefore: 30,
      };
      await db.setting.create({ data: { key: SLA_POLICY_KEY, value: policy } });

      // Both arrive at 12:00 local: one hour of business time today, none tomorrow (a holiday),
      // so 120 minutes run out at 10:00 the day after, with the reminder at 09:30. Around the
      // clock they would have been due at 14:00 today.
      const arrived = local(today, '12:00');
      const dayAfter = nextDate(tomorrow);
      const remindAt = local(dayAfter, '09:30');
      const dueAt = local(dayAfter, '10:00');
      await db.conversation.createMany({
        data: [
          { id: 'c-person', rootMessageId: '<p@x>', subject: 'Locked out', customerEmail: 'p@c.test', status: 'needs_person', priority: 'normal', lastMessageAt: arrived, lastMessagePreview: '', createdAt: arrived },
          { id: 'c-failed', rootMessageId: '<f@x>', subject: 'Invoice copy', customerEmail: 'f@c.test', status: 'failed', priority: null, lastMessageAt: arrived, lastMessagePreview: '', createdAt: arrived },
        ],
      });
      await db.message.createMany({
        data: ['c-person', 'c-failed'].map((id) => ({ conversationId: id, direction: 'inbound', messageIdHeader: `<${id}@x>`, dedupeKey: id, fromAddress: 'x@c.test', subject: 's', sentAt: arrived, createdAt: arrived })),
      });

      // Play the schedule: a sweep every 15 minutes until an hour after the due time.
      const published: { at: Date; subject: string }[] = [];
      const end = dueAt.getTime() + 60 * MINUTE;
      let totals = { reminders: 0, breaches: 0 };
      for (let at = start.getTime(); at <= end; at += SWEEP_EVERY) {
        await run.sleep(Math.max(0, at - (await run.now()).getTime()));
        const before = run.mails.length;
        const result = await run.fire<SlaSweepResult>(SCHEDULED_WORKFLOWS.slaSweep);
        totals = { reminders: totals.reminders + result.reminders, breaches: totals.breaches + result.breaches };
        const now = await run.now();
        for (const mail of run.mails.slice(before)) published.push({ at: now, subject: mail.subject });
      }

      expect(totals).toEqual({ reminders: 2, breaches: 2 });
      expect(published.map((entry) => entry.subject).sort()).toEqual([
        '[SLA breached] Invoice copy',
        '[SLA breached] Locked out',
        '[SLA due soon] Invoice copy',
        '[SLA due soon] Locked out',
      ]);
      for (const entry of published) {
        const [from, to] = entry.subject.startsWith('[SLA due soon]') ? [remindAt, dueAt] : [dueAt, new Date(dueAt.getTime() + SWEEP_EVERY)];
        // Sent by the first sweep at or after its time: not in the evening, not on the holiday.
        expect(entry.at.getTime()).toBeGreaterThanOrEqual(from.getTime());
        expect(entry.at.getTime()).toBeLessThan(to.getTime());
      }
      expect(run.mails.every((mail) => mail.to.address === TEAM)).toBe(true);
      // The agent reads it on the conversation too: one reminder and one breach each.
      const events = await db.conversationEvent.findMany({ where: { type: 'sla_notice' }, select: { conversationId: true, data: true } });
      expect(events.map((event) => `${event.conversationId} ${(event.data as { kind: string }).kind}`).sort()).toEqual([
        'c-failed breach',
        'c-failed reminder',
        'c-person breach',
        'c-person reminder',
      ]);
      const owed = await db.conversationSla.findUniqueOrThrow({ where: { conversationId: 'c-person' } });
      expect(owed).toMatchObject({ kind: 'first_response', targetKey: 'first', dueAt, remindAt });
    });
  });

  it('recomputes due times from the settings in force, so a change reaches running conversations', async () => {
    await withScheduledWork(async (run) => {
      const { db } = run.temp;
      const arrived = await run.now();
      await db.conversation.create({ data: { id: 'c-1', rootMessageId: '<1@x>', subject: 'Help', customerEmail: 'a@c.test', status: 'awaiting_approval', priority: 'urgent', lastMessageAt: arrived, lastMessagePreview: '', createdAt: arrived } });
      await db.message.create({ data: { conversationId: 'c-1', direction: 'inbound', messageIdHeader: '<1@x>', dedupeKey: '1', fromAddress: 'a@c.test', subject: 's', sentAt: arrived, createdAt: arrived } });
      const always = { timeZone: 'UTC', weekly: Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((day) => [day, [{ start: '00:00', end: '24:00' }]])), holidays: [] };
      const save = (urgentMinutes: number) =>
        db.setting.upsert({
          where: { key: SLA_POLICY_KEY },
          create: { key: SLA_POLICY_KEY, value: { ...DEFAULT_SLA_POLICY, businessHours: always, targets: { ...DEFAULT_SLA_POLICY.targets, urgent: { firstResponseMinutes: urgentMinutes, nextResponseMinutes: urgentMinutes } } } },
          update: { value: { ...DEFAULT_SLA_POLICY, businessHours: always, targets: { ...DEFAULT_SLA_POLICY.targets, urgent: { firstResponseMinutes: urgentMinutes, nextResponseMinutes: urgentMinutes } } } },
        });
      await save(600);
      await run.fire(SCHEDULED_WORKFLOWS.slaSweep);
      expect((await db.conversationSla.findUniqueOrThrow({ where: { conversationId: 'c-1' } })).dueAt).toEqual(new Date(arrived.getTime() + 600 * MINUTE));
      await save(60);
      await run.fire(SCHEDULED_WORKFLOWS.slaSweep);
      expect((await db.conversationSla.findUniqueOrThrow({ where: { conversationId: 'c-1' } })).dueAt).toEqual(new Date(arrived.getTime() + 60 * MINUTE));
      // Answered: nothing is owed any more and the row goes.
      await db.outboundSend.create({ data: { conversationId: 'c-1', draftVersion: 1, ledgerKey: 'l', messageIdHeader: '<s@x>', toAddress: 'a@c.test', subject: 's', body: 'b', status: 'sent', sentAt: new Date(arrived.getTime() + MINUTE) } });
      await run.fire(SCHEDULED_WORKFLOWS.slaSweep);
      expect(await db.conversationSla.count()).toBe(0);
    });
  });
});
