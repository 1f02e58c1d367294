import type { ConversationStatus } from './statuses';

/** A tab that lists conversations by something other than their status. */
export type QueueFilter = 'auto_sent_unreviewed' | 'mine' | 'unassigned';

/** Done with for now: "Mine" and "Unassigned" list the rest (what still needs someone). */
export const FINISHED_STATUSES = ['sent', 'rejected', 'closed'] as const satisfies readonly ConversationStatus[];

/**
 * The inbox tabs. Each is a set of mirrored conversation statuses; "all" has none, which
 * means no status filter. "Sent automatically" lists conversations whose automatic reply no
 * agent has reviewed yet, whatever their status; "Mine" and "Unassigned" list open ones by owner. Client-safe: the tabs and the data layer
 * share these keys.
 */
export const QUEUES = [
  // Open conversations the signed-in agent owns, and those nobody owns yet.
  { key: 'mine', label: 'Mine', statuses: [], filter: 'mine' },
  { key: 'unassigned', label: 'Unassigned', statuses: [], filter: 'unassigned' },
  { key: 'needs_approval', label: 'Needs approval', statuses: ['awaiting_approval'] },
  // Claude could not produce a usable draft (refusal, cut off, billing, outage): a person writes the reply.
  { key: 'needs_person', label: 'Needs a person', statuses: ['needs_person'] },
  { key: 'escalated', label: 'Escalated', statuses: ['escalated'] },
  { key: 'on_hold', label: 'Auto-send on hold', statuses: ['auto_send_hold'] },
  { key: 'auto_sent', label: 'Sent automatically', statuses: [], filter: 'auto_sent_unreviewed' },
  { key: 'sent', label: 'Sent', statuses: ['sent'] },
  { key: 'rejected', label: 'Rejected', statuses: ['rejected'] },
  { key: 'failed', label: 'Failed', statuses: ['failed'] },
  // Parked by people (lifecycle.ts): a customer's reply brings each back into the queues above.
  { key: 'waiting', label: 'Waiting on customer', statuses: ['waiting_on_customer'] },
  { key: 'snoozed', label: 'Snoozed', statuses: ['snoozed'] },
  { key: 'closed', label: 'Closed', statuses: ['closed'] },
  { key: 'all', label: 'All', statuses: [] },
] as const satisfies readonly { key: string; label: string; statuses: readonly ConversationStatus[]; filter?: QueueFilter }[];

export type QueueKey = (typeof QUEUES)[number]['key'];
export const QUEUE_KEYS = QUEUES.map((queue) => queue.key) as [QueueKey, ...QueueKey[]];

export function queueStatuses(queue: QueueKey): readonly ConversationStatus[] {
  return QUEUES.find((entry) => entry.key === queue)?.statuses ?? [];
}

export function queueFilter(queue: QueueKey): QueueFilter | undefined {
  const entry = QUEUES.find((candidate) => candidate.key === queue);
  return entry && 'filter' in entry ? entry.filter : undefined;
}
