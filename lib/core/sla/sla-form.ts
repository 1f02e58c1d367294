import { PRIORITIES } from '../conversation/priorities';
import { WEEKDAYS } from './business-hours';

/**
 * The settings form's fields as the SLA policy's shape (then parsed by slaPolicySchema):
 * one open span per weekday (`open_mon`/`close_mon`, both empty = closed), a date per line in
 * `holidays`, `first_<priority>`/`next_<priority>` minutes, mailbox overrides as JSON.
 */
export function slaPolicyFromFields(field: (name: string) => string | null): unknown {
  const text = (name: string) => (field(name) ?? '').trim();
  const weekly = Object.fromEntries(
    WEEKDAYS.flatMap((day) => {
      const [start, end] = [text(`open_${day}`), text(`close_${day}`)];
      return start === '' && end === '' ? [] : [[day, [{ start, end }]]];
    }),
  );
  let mailboxTargets: unknown = {};
  try {
    mailboxTargets = text('mailboxTargets') === '' ? {} : JSON.parse(text('mailboxTargets'));
  } catch {
    mailboxTargets = 'not JSON';
  }
  return {
    enabled: field('enabled') === 'on',
    businessHours: { timeZone: text('timeZone'), weekly, holidays: text('holidays').split(/[\s,]+/).filter(Boolean) },
    targets: Object.fromEntries(PRIORITIES.map((priority) => [priority, { firstResponseMinutes: Number(text(`first_${priority}`)), nextResponseMinutes: Number(text(`next_${priority}`)) }])),
    mailboxTargets,
    reminderMinutesBefore: Number(text('reminderMinutesBefore')),
  };
}
