import type { ConversationStatus } from '../../../core/conversation/statuses';
import { getDb, type Db } from '../../../platform/db';
import type { DbClient } from '../../../platform/db/client';
import { appendEvent } from '../../timeline/append-event';
import type { TimelineEventData } from '../../../core/conversation/timeline-events';

export interface SetConversationStatusInput {
  conversationId: string;
  status: ConversationStatus;
  reason?: string;
  slaDueAt?: string;
  holdUntil?: string;
  draftVersion?: number;
  /** The workflow run: a thread can close, reopen and close again, one close event per run. */
  runId: string;
  /** With status needs_person: what failed, for the timeline; `key` is unique per occurrence. */
  needsPerson?: { key: string; stage: 'classify' | 'draft' | 'revise'; failureType: string };
}

/**
 * Mirrors the workflow's status for the dashboard. Idempotent: it sets fields, and the
 * few events it writes are keyed by what they describe.
 */
export async function setConversationStatus(input: SetConversationStatusInput, db: Db = getDb()): Promise<void> {
  const update = (client: Pick<Db, 'conversation'>) =>
    client.conversation.update({
      where: { id: input.conversationId },
      data: {
        status: input.status,
        statusReason: input.reason ?? null,
        slaDueAt: input.slaDueAt ? new Date(input.slaDueAt) : null,
        holdUntil: input.holdUntil ? new Date(input.holdUntil) : null,
        // Any status the workflow writes ends a snooze (a reply woke it, or work resumed).
        snoozedUntil: null,
      },
    });
  const event = statusEvent(input);
  // Most statuses are one row: no transaction (it costs round trips on every write of every email).
  if (!event) {
    await update(db);
    return;
  }
  await db.$transaction(async (tx) => {
    await update(tx);
    await event(tx);
  });
}

/** Whether this status writes a timeline event with it (then it needs a transaction). */
export function hasStatusEvent(input: SetConversationStatusInput): boolean {
  return statusEvent(input) !== undefined;
}

/** The timeline event a status writes with it, if any: its key (unique per real-world event), type and data. */
export function statusEventOf(input: SetConversationStatusInput): StatusEvent | undefined {
  if (input.status === 'auto_send_hold' && input.holdUntil && input.draftVersion !== undefined) {
    return { key: `held:v${input.draftVersion}`, type: 'auto_send_held', data: { draftVersion: input.draftVersion, holdUntil: input.holdUntil } };
  }
  if (input.status === 'needs_person' && input.needsPerson) {
    const { key, stage, failureType } = input.needsPerson;
    return { key: `needs_person:${key}`, type: 'needs_person', data: { stage, failureType, reason: input.reason ?? '' } };
  }
  if (input.status === 'closed') return { key: `closed:${input.runId}`, type: 'closed', data: { reason: input.reason ?? 'closed' } };
  return undefined;
}

export type StatusEvent = { [T in 'auto_send_held' | 'needs_person' | 'closed']: { key: string; type: T; data: TimelineEventData[T] } }['auto_send_held' | 'needs_person' | 'closed'];

function statusEvent(input: SetConversationStatusInput): ((tx: DbClient) => Promise<void>) | undefined {
  const event = statusEventOf(input);
  return event && ((tx) => appendEvent({ conversationId: input.conversationId, ...event }, tx));
}
