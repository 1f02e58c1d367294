import type { ConversationStatus } from '../contract';

/**
 * The inbox tabs. Each is a set of mirrored conversation statuses; "all" has none, which
 * means no status filter. Client-safe: the tabs and the data layer share these keys.
 */
export const QUEUES = [
  { key: 'needs_approval', label: 'Needs approval', statuses: ['awaiting_approval'] },
  { key: 'escalated', label: 'Escalated', statuses: ['escalated'] },
  { key: 'on_hold', label: 'Auto-send on hold', statuses: ['auto_send_hold'] },
  { key: 'sent', label: 'Sent', statuses: ['sent'] },
  { key: 'rejected', label: 'Rejected', statuses: ['rejected'] },
  { key: 'failed', label: 'Failed', statuses: ['failed'] },
  { key: 'all', label: 'All', statuses: [] },
] as const satisfies readonly { key: string; label: string; statuses: readonly ConversationStatus[] }[];

export type QueueKey = (typeof QUEUES)[number]['key'];
export const QUEUE_KEYS = QUEUES.map((queue) => queue.key) as [QueueKey, ...QueueKey[]];

/** Every status the mirror writes ("ignored" marks automated mail that is never answered). */
export const CONVERSATION_STATUSES = [
  'received',
  'classifying',
  'drafting',
  'awaiting_approval',
  'escalated',
  'auto_send_hold',
  'sending',
  'sent',
  'rejected',
  'failed',
  'closed',
  'ignored',
] as const;
export type MirrorStatus = (typeof CONVERSATION_STATUSES)[number];

export const STATUS_LABELS: Record<MirrorStatus, string> = {
  received: 'Received',
  classifying: 'Classifying',
  drafting: 'Drafting',
  awaiting_approval: 'Needs approval',
  escalated: 'Escalated',
  auto_send_hold: 'Auto-send hold',
  sending: 'Sending',
  sent: 'Sent',
  rejected: 'Rejected',
  failed: 'Failed',
  closed: 'Closed',
  ignored: 'Ignored',
};

export function statusLabel(status: string): string {
  return (STATUS_LABELS as Record<string, string>)[status] ?? status;
}

export function queueStatuses(queue: QueueKey): readonly string[] {
  return QUEUES.find((entry) => entry.key === queue)?.statuses ?? [];
}
