import { statusLabel, type ConversationStatus } from './statuses';

/** What people do to a conversation's lifecycle (as opposed to deciding on a draft). */
export const LIFECYCLE_ACTIONS = ['close', 'reopen', 'snooze', 'wait_on_customer'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

/** Parked by people: a customer's reply wakes each of them; a timed snooze also wakes on time. */
export const PARKED_STATUSES = ['closed', 'snoozed', 'waiting_on_customer'] as const satisfies readonly ConversationStatus[];
export type ParkedStatus = (typeof PARKED_STATUSES)[number];

/**
 * Statuses in which the workflow waits for nothing but people or the customer: only these may
 * be closed, snoozed or marked waiting. A draft under review or on hold is decided first.
 */
export const RESTING_STATUSES = ['sent', 'rejected', 'needs_person', 'failed', ...PARKED_STATUSES] as const satisfies readonly ConversationStatus[];

export function isParked(status: ConversationStatus): status is ParkedStatus {
  return (PARKED_STATUSES as readonly string[]).includes(status);
}

const isResting = (status: ConversationStatus) => (RESTING_STATUSES as readonly string[]).includes(status);

/**
 * Why `action` cannot apply to a conversation in `status`, as a sentence for the agent, or
 * undefined. One rule for the workflow's validators and the inbox's bulk actions.
 */
export function lifecycleRefusal(action: LifecycleAction, status: ConversationStatus, snooze?: { until?: string; now: number }): string | undefined {
  if (action === 'reopen') return isParked(status) ? undefined : 'this conversation is not closed, snoozed or waiting on the customer';
  if (action === 'close' && status === 'closed') return 'this conversation is already closed';
  if (action !== 'close' && status === 'closed') return 'this conversation is closed; reopen it first';
  if (action === 'wait_on_customer' && status === 'waiting_on_customer') return 'this conversation is already waiting on the customer';
  if (!isResting(status)) return `this conversation is ${statusLabel(status).toLowerCase()}: decide on its draft first`;
  if (action === 'snooze' && snooze?.until !== undefined) {
    const until = Date.parse(snooze.until);
    if (Number.isNaN(until)) return 'the snooze time is not a valid time';
    if (until <= snooze.now) return 'the snooze time is in the past; pick a later time';
  }
  return undefined;
}
