/**
 * Where a conversation stands: written by the workflow (and mirrored for the dashboard),
 * read by the inbox tabs, filters and badges. The one list of statuses; client-safe.
 */
export const CONVERSATION_STATUSES = [
  'received',
  'classifying',
  'drafting',
  'needs_person',
  'awaiting_approval',
  'escalated',
  'auto_send_hold',
  // An agent's send in its undo window (the same cancellable hold as an automatic reply's).
  'undo_window',
  'sending',
  'sent',
  'rejected',
  'failed',
  'closed',
  // Parked by an agent (lib/core/conversation/lifecycle.ts): a customer's reply wakes both.
  'snoozed',
  'waiting_on_customer',
] as const;

export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const STATUS_LABELS: Record<ConversationStatus, string> = {
  received: 'Received',
  classifying: 'Classifying',
  drafting: 'Drafting',
  needs_person: 'Needs a person',
  awaiting_approval: 'Needs approval',
  escalated: 'Escalated',
  auto_send_hold: 'Auto-send hold',
  undo_window: 'Sending (undo possible)',
  sending: 'Sending',
  sent: 'Sent',
  rejected: 'Rejected',
  failed: 'Failed',
  closed: 'Closed',
  snoozed: 'Snoozed',
  waiting_on_customer: 'Waiting on customer',
};

/** A label for any stored status; an unknown value (an older row) shows as it is. */
export function statusLabel(status: string): string {
  return (STATUS_LABELS as Record<string, string>)[status] ?? status;
}
