import { z } from 'zod';

/** The JSON shape of POST /api/inbound (the raw RFC 822 form is parsed into the same). */
export const inboundJsonSchema = z.object({
  from: z.string().min(3).max(500),
  to: z.union([z.string(), z.array(z.string())]).optional(),
  subject: z.string().max(2_000).default(''),
  text: z.string().optional(),
  html: z.string().optional(),
  messageId: z.string().min(3).max(1_000),
  inReplyTo: z.string().max(1_000).optional(),
  references: z.union([z.string(), z.array(z.string())]).optional(),
  date: z.coerce.date().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  attachmentCount: z.number().int().min(0).optional(),
});

export type InboundJson = z.infer<typeof inboundJsonSchema>;

/** A parsed, normalised inbound email, ready to store. */
export interface InboundEmail {
  fromAddress: string;
  fromName?: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
  messageId: string;
  inReplyTo?: string;
  references: string[];
  sentAt: Date;
  headers: Record<string, string>;
  attachmentCount: number;
  rawMime?: string;
  sizeBytes: number;
  /** Problems found while parsing; the email is kept and routed to a person. */
  parseProblems: Array<'malformed' | 'oversized'>;
}
