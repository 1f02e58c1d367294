/** The timeline's one writer, below conversations and autonomy (both write events), so neither imports the other. */
import { randomUUID } from 'node:crypto';
import { getDb, type DbClient } from '../../platform/db';
import { Prisma } from '../../platform/db/generated/client';
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

/**
 * Adds an event to a conversation's timeline, once per key. One statement (a conflict on the
 * key adds nothing): the upsert it replaces cost a transaction and three statements, and
 * every email writes several events. Times are stored as UTC, as Prisma stores them.
 */
export async function appendEvent<T extends TimelineEventType>(input: AppendEventInput<T>, db: DbClient = getDb()): Promise<void> {
  await db.$executeRaw(appendEventSql(input));
}

/** appendEvent's statement, for a writer that makes it the last part of a statement of its own (after data-modifying CTEs). */
export function appendEventSql<T extends TimelineEventType>(input: AppendEventInput<T>): Prisma.Sql {
  const eventKey = `${input.conversationId}:${input.key}`;
  const at = (input.at ?? new Date()).toISOString();
  return Prisma.sql`
    INSERT INTO "ConversationEvent" ("id", "conversationId", "eventKey", "type", "data", "actorId", "at", "createdAt")
    VALUES (${randomUUID()}, ${input.conversationId}, ${eventKey}, ${input.type}, ${JSON.stringify(input.data ?? {})}::jsonb, ${input.actorId ?? null},
            ${at}::timestamptz AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
    ON CONFLICT ("eventKey") DO NOTHING`;
}
