import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * One evaluation example, the same shape everywhere it lives: the EvalItem table, a JSONL
 * export (one item per line), a LangFuse dataset item. Input is what the drafting prompt is
 * built from (the thread up to the customer's message, the triage notes, the knowledge the
 * draft used); expected is what the agent actually did: the reply they sent, or their reject.
 */

const threadEntrySchema = z.object({
  direction: z.enum(['inbound', 'outbound']),
  from: z.string(),
  sentAt: z.string(),
  subject: z.string(),
  text: z.string(),
});

const triageSchema = z.object({ category: z.string(), priority: z.string(), sentiment: z.string(), summary: z.string() });

export const evalInputSchema = z.object({
  subject: z.string(),
  thread: z.array(threadEntrySchema).min(1),
  triage: triageSchema.nullable(),
  knowledgeUsed: z.array(z.string()).default([]),
});
export type EvalInput = z.infer<typeof evalInputSchema>;

export const EVAL_SOURCES = ['edited', 'rejected', 'agent_reply'] as const;
export type EvalSource = (typeof EVAL_SOURCES)[number];

export const evalExpectedSchema = z.object({
  /** What went out to the customer; null while a reject has no reply of the agent's. */
  reply: z.string().nullable(),
  decision: z.enum(EVAL_SOURCES),
  /** The agent's reason for a reject. */
  reason: z.string().optional(),
});
export type EvalExpected = z.infer<typeof evalExpectedSchema>;

export const evalItemSchema = z.object({
  id: z.string().min(1).max(255),
  input: evalInputSchema,
  expectedOutput: evalExpectedSchema,
  metadata: z.record(z.string(), z.unknown()).default({}),
});
export type EvalItem = z.infer<typeof evalItemSchema>;

/** Stable per customer message, and valid as a LangFuse dataset item id (unique per project). */
export function evalItemIdFor(conversationId: string, messageId: string): string {
  return `cs-${createHash('sha256').update(`${conversationId}:${messageId}`).digest('hex').slice(0, 32)}`;
}
