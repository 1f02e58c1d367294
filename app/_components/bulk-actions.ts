import type { LifecycleAction } from '@/lib/core/conversation/lifecycle';

/**
 * What the inbox selection can do, one key each. The one extension point for new bulk
 * actions (assigning is added here, beside its own server action): the selection bar and the
 * shortcuts list read this table.
 */
export interface BulkAction {
  key: string;
  label: string;
  /** A lifecycle change the selection's workflows apply; other kinds (assign, tag) add their own. */
  lifecycle: { action: LifecycleAction; untilReply?: true };
}

export const BULK_ACTIONS: readonly BulkAction[] = [
  { key: 'c', label: 'Close', lifecycle: { action: 'close' } },
  { key: 's', label: 'Snooze until the customer replies', lifecycle: { action: 'snooze', untilReply: true } },
  { key: 'w', label: 'Waiting on customer', lifecycle: { action: 'wait_on_customer' } },
  { key: 'o', label: 'Reopen', lifecycle: { action: 'reopen' } },
];
