import type { DbClient } from '../../lib/platform/db/client';
import type { TimelineEventData, TimelineEventType } from '../../lib/core/conversation/timeline-events';

export interface AppendEventInput<T extends TimelineEventType> {
  conversationId: string;
  /** Unique per real-world event, so a retried activity writes the row once. */
  key: string;
  type: T;
  data: TimelineEventData[T];
  actorId?: string;
  at?: Date;
}

export async function appendEvent<T extends TimelineEventType>(db: DbClient, input: AppendEventInput<T>): Promise<void> {
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
