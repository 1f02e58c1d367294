import { describe, expect, it } from 'vitest';
import { SCHEDULED_WORKFLOWS, type DailyDigestResult } from '../../../lib/core/schedules';
import { SCHEDULE_TIMES_KEY } from '../../../lib/features/settings/sla-settings';
import { withScheduledWork } from './scheduled-harness';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The next 07:00 UTC after `now`: when the digest schedule (digestAt 07:00, UTC) fires. */
function nextSevenUtc(now: Date): Date {
  const seven = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 7));
  return seven > now ? seven : new Date(seven.getTime() + DAY);
}

describe('the daily digest workflow', () => {
  it('fires once a day and sends one digest per day to each manager, however often it runs', async () => {
    await withScheduledWork(async (run) => {
      const { db } = run.temp;
      await db.setting.create({ data: { key: SCHEDULE_TIMES_KEY, value: { reconcileEverySeconds: 15, slaSweepEveryMinutes: 5, digestAt: '07:00', digestTimeZone: 'UTC' } } });
      await db.user.createMany({
        data: [
          { email: 'boss@example.test', name: 'Boss', role: 'manager' },
          { email: 'admin@example.test', name: 'Admin', role: 'admin' },
          { email: 'agent@example.test', name: 'Agent', role: 'agent' },
          { email: 'gone@example.test', name: 'Gone', role: 'manager', disabledAt: new Date() },
        ],
      });
      const firstFire = nextSevenUtc(await run.now());
      const firstDay = new Date(firstFire.getTime() - DAY).toISOString().slice(0, 10);
      // Yesterday (for the first firing): two customer messages, one automatic reply.
      const noon = new Date(`${firstDay}T12:00:00Z`);
      await db.conversation.create({ data: { id: 'c-1', rootMessageId: '<r1@x>', subject: 'Refund', customerEmail: 'a@c.test', status: 'sent', category: 'billing', lastMessageAt: noon, lastMessagePreview: '', createdAt: noon } });
      for (const [index, key] of ['m1', 'm2'].entries()) {
        const createdAt = new Date(noon.getTime() + index * 60_000);
        await db.message.create({ data: { conversationId: 'c-1', direction: 'inbound', messageIdHeader: `<${key}@x>`, dedupeKey: key, fromAddress: 'a@c.test', subject: 'Refund', sentAt: createdAt, createdAt } });
      }
      // Automatic: the policy's own auto_send decision, as the workflow records it when the hold ends.
      await db.decision.create({ data: { conversationId: 'c-1', draftVersion: 1, kind: 'auto_send', actorType: 'system', idempotencyKey: 'c-1-1-auto', createdAt: new Date(noon.getTime() + HOUR) } });
      await db.outboundSend.create({ data: { conversationId: 'c-1', draftVersion: 1, ledgerKey: 'l1', messageIdHeader: '<s1@x>', toAddress: 'a@c.test', subject: 'Re: Refund', body: 'b', status: 'sent', sentAt: new Date(noon.getTime() + HOUR) } });

      const results: DailyDigestResult[] = [];
      const sleepUntil = async (at: Date) => run.sleep(Math.max(0, at.getTime() - (await run.now()).getTime()));
      for (let day = 0; day < 3; day += 1) {
        const fire = new Date(firstFire.getTime() + day * DAY);
        await sleepUntil(fire);
        if (day === 0) run.failNextSends(1); // the relay refuses once: the activity retries
        results.push(await run.fire<DailyDigestResult>(SCHEDULED_WORKFLOWS.dailyDigest));
        // A second action the same day (a catch-up after an outage, someone pressing Trigger).
        await sleepUntil(new Date(fire.getTime() + 3 * HOUR));
        results.push(await run.fire<DailyDigestResult>(SCHEDULED_WORKFLOWS.dailyDigest));
      }

      const days = [0, 1, 2].map((offset) => new Date(new Date(`${firstDay}T00:00:00Z`).getTime() + offset * DAY).toISOString().slice(0, 10));
      expect(results).toEqual(days.flatMap((day) => [{ day, sent: true }, { day, sent: false }]));
      expect(await db.dailyDigest.findMany({ orderBy: { day: 'asc' }, select: { day: true } })).toEqual(days.map((day) => ({ day })));
      // One mail per manager per day; agents and disabled managers get none.
      expect(run.mails.map((mail) => `${mail.subject} → ${mail.to.address}`)).toEqual(
        days.flatMap((day) => [`Daily digest for ${day} → admin@example.test`, `Daily digest for ${day} → boss@example.test`]),
      );
      expect(run.mails[0]?.text).toContain('Messages received: 2 (1 new conversations)');
      expect(run.mails[0]?.text).toContain('of which automatic: 1 (automation rate 100.0%)');
      expect(run.mails[0]?.text).toContain('  billing: 1');
      expect(run.mails[2]?.text).toContain('Messages received: 0');
    });
  });
});
