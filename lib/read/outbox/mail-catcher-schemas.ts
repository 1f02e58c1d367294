import 'server-only';
import { z } from 'zod';

/**
 * The local mail catcher's JSON API (lib/devstack/mail-catcher/http-api.ts), parsed at the
 * boundary: it is another process, so a version skew shows as a message, not a crash.
 */
export const outboxSummarySchema = z.object({
  id: z.string(),
  receivedAt: z.string(),
  messageId: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  from: z.string().nullable(),
  to: z.array(z.string()),
  subject: z.string().nullable(),
  preview: z.string(),
  sizeBytes: z.number(),
});
export type OutboxSummary = z.infer<typeof outboxSummarySchema>;

export const outboxListSchema = z.object({ messages: z.array(outboxSummarySchema) });

export const outboxMessageSchema = outboxSummarySchema.omit({ preview: true }).extend({
  references: z.array(z.string()).default([]),
  text: z.string(),
  html: z.string().nullable(),
  headers: z.record(z.string(), z.string()).default({}),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
