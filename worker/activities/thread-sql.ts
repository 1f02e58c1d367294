import { Prisma } from '../../lib/platform/db/generated/client';
import type { ThreadEntry } from '../../lib/features/prompts/thread';

/** How much of a long thread the model sees: the newest messages, bounded in characters. */
export const MAX_THREAD_MESSAGES = 20;
export const MAX_MESSAGE_CHARS = 8_000;

/** One thread message as `threadJson` hands it back (newest first). */
export interface RawThreadMessage {
  direction: string;
  fromAddress: string;
  /** ISO 8601 with milliseconds and Z, as `Date.toISOString()` writes it. */
  sentAtIso: string;
  subject: string;
  text: string | null;
  attachments: { filename: string; contentType: string; sizeBytes: number }[];
}

/**
 * An SQL expression: the conversation's newest customer-visible messages sent at or before
 * `untilSentAt` (an SQL expression; NULL gives none), newest first, each with its attachments'
 * names, as one JSON array. The thread and its files in one round trip, so a fat query of an
 * activity can carry it beside its other reads. `left()` counts code points, so the text is
 * never shorter than the UTF-16 cut `toThread` makes.
 */
export function threadJson(conversationId: string, untilSentAt?: Prisma.Sql): Prisma.Sql {
  const until = untilSentAt ? Prisma.sql`AND m."sentAt" <= ${untilSentAt}` : Prisma.empty;
  return Prisma.sql`(SELECT coalesce(json_agg(t ORDER BY t."sentAt" DESC, t."createdAt" DESC), '[]'::json) FROM (
    SELECT m."direction", m."fromAddress", to_char(m."sentAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "sentAtIso", m."sentAt", m."createdAt",
           m."subject", left(m."textBody", ${Prisma.raw(String(MAX_MESSAGE_CHARS))}) AS "text",
           (SELECT coalesce(json_agg(json_build_object('filename', a."filename", 'contentType', a."contentType", 'sizeBytes', a."sizeBytes") ORDER BY a."createdAt"), '[]'::json)
              FROM "Attachment" a WHERE a."messageId" = m."id") AS "attachments"
      FROM "Message" m
     WHERE m."conversationId" = ${conversationId} AND m."automated" = false ${until}
     ORDER BY m."sentAt" DESC, m."createdAt" DESC
     LIMIT ${Prisma.raw(String(MAX_THREAD_MESSAGES))}) t)`;
}

/** The JSON of `threadJson` as prompt entries, oldest first. */
export function toThread(raw: readonly RawThreadMessage[] | null): ThreadEntry[] {
  return [...(raw ?? [])].reverse().map((message) => ({
    direction: message.direction === 'outbound' ? 'outbound' : 'inbound',
    from: message.fromAddress,
    sentAt: message.sentAtIso,
    subject: message.subject,
    text: (message.text ?? '').slice(0, MAX_MESSAGE_CHARS),
    attachments: message.attachments.map(({ filename, contentType, sizeBytes }) => ({ filename, contentType, sizeBytes })),
  }));
}
