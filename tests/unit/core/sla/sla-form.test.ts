import { describe, expect, it } from 'vitest';
import { slaPolicyFromFields } from '../../../../lib/core/sla/sla-form';
import { slaPolicySchema } from '../../../../lib/core/sla/sla-policy';

const form = (fields: Record<string, string>) => (name: string) => fields[name] ?? null;
const targets = Object.fromEntries(['urgent', 'high', 'normal', 'low'].flatMap((p) => [[`first_${p}`, '60'], [`next_${p}`, '120']]));

describe('slaPolicyFromFields', () => {
  it('reads open days, closed days, holidays and targets into a valid policy', () => {
    const parsed = slaPolicySchema.parse(
      slaPolicyFromFields(form({ enabled: 'on', timeZone: 'Europe/Berlin', open_mon: '08:00', close_mon: '16:30', holidays: '2026-12-25\n2026-12-26', reminderMinutesBefore: '15', ...targets })),
    );
    expect(parsed.businessHours).toEqual({ timeZone: 'Europe/Berlin', weekly: { mon: [{ start: '08:00', end: '16:30' }] }, holidays: ['2026-12-25', '2026-12-26'] });
    expect(parsed.targets.urgent).toEqual({ firstResponseMinutes: 60, nextResponseMinutes: 120 });
    expect(parsed).toMatchObject({ enabled: true, reminderMinutesBefore: 15, mailboxTargets: {} });
  });

  it('refuses an unknown time zone, a span that ends before it starts, and mailbox targets that are not JSON', () => {
    const base = { timeZone: 'Europe/Berlin', reminderMinutesBefore: '15', ...targets };
    expect(slaPolicySchema.safeParse(slaPolicyFromFields(form({ ...base, timeZone: 'Mars/Olympus' }))).success).toBe(false);
    expect(slaPolicySchema.safeParse(slaPolicyFromFields(form({ ...base, open_tue: '17:00', close_tue: '09:00' }))).success).toBe(false);
    expect(slaPolicySchema.safeParse(slaPolicyFromFields(form({ ...base, mailboxTargets: '{nope' }))).success).toBe(false);
    expect(slaPolicySchema.safeParse(slaPolicyFromFields(form(base))).success).toBe(true);
  });
});
