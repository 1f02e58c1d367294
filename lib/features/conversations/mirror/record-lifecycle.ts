import type { LifecycleAction } from '../../../core/conversation/lifecycle';
import type { ConversationStatus } from '../../../core/conversation/statuses';
import { getDb, type Db } from '../../../platform/db';
import { appendEvent } from '../../timeline/append-event';

export interface RecordLifecycleInput {
  conversationId: string;
  /** What people did, or `snooze_ended` when a timed snooze woke the conversation. */
  action: LifecycleAction | 'snooze_ended';
  /** The status the conversation has now. */
  status: ConversationStatus;
  reason?: string;
  snoozedUntil?: string;
  actorId?: string;
  /** The update's id (or the wake-up's own key): a retried write is one timeline row. */
  idempotencyKey: string;
}

/** Mirrors a lifecycle change (status, snooze time) and puts it on the timeline, in one transaction. */
export async function recordLifecycle(input: RecordLifecycleInput, db: Db = getDb()): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.conversation.update({
      where: { id: input.conversationId },
      data: {
        status: input.status,
        statusReason: input.reason ?? null,
        snoozedUntil: input.snoozedUntil ? new Date(input.snoozedUntil) : null,
        slaDueAt: null,
        holdUntil: null,
      },
    });
    await appendEvent(
      {
        conversationId: input.conversationId,
        key: `lifecycle:${input.idempotencyKey}`,
        type: 'lifecycle',
        data: { action: input.action, ...(input.snoozedUntil ? { until: input.snoozedUntil } : {}) },
        actorId: input.actorId,
      },
      tx,
    );
  });
}
