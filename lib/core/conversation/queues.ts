import type { ConversationStatus } from './statuses';

/**
 * The inbox tabs. Each is a set of mirrored conversation statuses; "all" has none, which
 * means no status filter. Client-safe: the tabs and the data layer share these keys.
 */
export const QUEUES = [
  { key: 'needs_approval', label: 'Needs approval', statuses: ['awaiting_approval'] },
  // Claude could not produce a usable draft (refusal, cut off, billing, outage): a person writes the reply.
  { key: 'needs_person', label: 'Needs a person', statuses: ['needs_person'] },
  { key: 'escalated', label: 'Escalated', statuses: ['escalated'] },
  { key: 'on_hold', label: 'Auto-send on hold', statuses: ['auto_send_hold'] },
  { key: 'sent', label: 'Sent', statuses: ['sent'] },
  { key: 'rejected', label: 'Rejected', statuses: ['rejected'] },
  { key: 'failed', label: 'Failed', statuses: ['failed'] },
  { key: 'all', label: 'All', statuses: [] },
] as const satisfies readonly { key: string; label: string; statuses: readonly ConversationStatus[] }[];

export type QueueKey = (typeof QUEUES)[number]['key'];
export const QUEUE_KEYS = QUEUES.map((queue) => queue.key) as [QueueKey, ...QueueKey[]];

export function queueStatuses(queue: QueueKey): readonly ConversationStatus[] {
  return QUEUES.find((entry) => entry.key === queue)?.statuses ?? [];
}
