/** The timeline's one writer, below conversations and autonomy (both write events), so neither imports the other. */
import { getDb, type DbClient } from '../../platform/db';
import type { TimelineEventData, TimelineEventType } from '../../core/conversation/timeline-events';

export interface AppendEventInput<T extends TimelineEventType> {
  conversationId: string;
  /** Unique per real-world event, so a retried activity writes the row once. */
  key: string;
  type: T;
  data: TimelineEventData[T];
  actorId?: string;
  at?: Date;
}

/** Adds an event to a conversation's timeline, once per key. */
export async function appendEvent<T extends TimelineEventType>(input: AppendEventInput<T>, db: DbClient = getDb()): Promise<void> {
  const eventKey = `${input.conversationId}:${input.key}`;
  await db.conversationEvent.upsert({
    where: { eventKey },
    create: {
      eventKey,
      conversationId: input.conversationId,
      type: input.type,
      data: JSON.parse(JSON.stringify(input.data)) as object,
      actorId: input.actorId,
      at: input.at ?? new Date(),
    },
    update: {},
  });
}
