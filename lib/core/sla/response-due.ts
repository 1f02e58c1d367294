import { addBusinessMinutes } from './business-hours';
import { targetsFor, type SlaPolicy } from './sla-policy';

/** Statuses in which the customer is waiting for us (a draft, a person, a failed send). */
export const AWAITING_REPLY_STATUSES = [
  'received',
  'classifying',
  'drafting',
  'needs_person',
  'awaiting_approval',
  'escalated',
  'auto_send_hold',
  'sending',
  'failed',
] as const;

export interface ResponseClock {
  status: string;
  priority: string | null;
  mailboxId: string | null;
  /** The first customer message. */
  firstInboundAt: Date;
  /** The newest customer message. */
  lastInboundAt: Date;
  /** The newest reply that went out; null when none has. */
  lastReplyAt: Date | null;
}

export type SlaTargetKind = 'first_response' | 'next_response';

export interface ResponseDue {
  kind: SlaTargetKind;
  /** Names this target for idempotency: one reminder and one breach per key. */
  key: string;
  since: Date;
  remindAt: Date | null;
  dueAt: Date | null;
}

/**
 * The response the customer is owed right now, or null when none is (nothing waiting, or the
 * SLA engine is off). Computed from the current policy every time, so a settings change
 * reaches conversations already running. Null times: the business hours never open.
 */
export function responseDue(clock: ResponseClock, policy: SlaPolicy): ResponseDue | null {
  if (!policy.enabled || !(AWAITING_REPLY_STATUSES as readonly string[]).includes(clock.status)) return null;
  const targets = targetsFor(policy, clock.priority, clock.mailboxId);
  const answered = clock.lastReplyAt !== null;
  if (answered && clock.lastReplyAt! >= clock.lastInboundAt) return null;
  const kind: SlaTargetKind = answered ? 'next_response' : 'first_response';
  const since = answered ? clock.lastInboundAt : clock.firstInboundAt;
  const budget = answered ? targets.nextResponseMinutes : targets.firstResponseMinutes;
  const hours = policy.businessHours;
  return {
    kind,
    key: answered ? `next:${since.toISOString()}` : 'first',
    since,
    remindAt: addBusinessMinutes(since, Math.max(0, budget - policy.reminderMinutesBefore), hours),
    dueAt: addBusinessMinutes(since, budget, hours),
  };
}

export type SlaNoticeKind = 'reminder' | 'breach';

/** Which notices are due at `now` for a target, in order. */
export function noticesDue(due: ResponseDue, now: Date): SlaNoticeKind[] {
  const kinds: SlaNoticeKind[] = [];
  if (due.remindAt && due.remindAt <= now && (!due.dueAt || now < due.dueAt)) kinds.push('reminder');
  if (due.dueAt && due.dueAt <= now) kinds.push('breach');
  return kinds;
}
