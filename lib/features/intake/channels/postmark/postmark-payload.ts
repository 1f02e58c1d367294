import { z } from 'zod';

const recipient = z.object({ Email: z.string().default(''), Name: z.string().default('') }).loose();

/** Postmark's inbound webhook JSON (the fields intake reads; the rest is ignored). */
export const postmarkInboundSchema = z
  .object({
    From: z.string().default(''),
    FromFull: recipient.optional(),
    To: z.string().default(''),
    ToFull: z.array(recipient).default([]),
    Cc: z.string().default(''),
    OriginalRecipient: z.string().default(''),
    Subject: z.string().default(''),
    Date: z.string().optional(),
    MessageID: z.string().optional(),
    TextBody: z.string().default(''),
    HtmlBody: z.string().default(''),
    Headers: z.array(z.object({ Name: z.string(), Value: z.string() })).default([]),
    Attachments: z
      .array(
        z
          .object({
            Name: z.string().default(''),
            // Real payloads carry Content; Postmark's test payloads Data.
            Content: z.string().optional(),
            Data: z.string().optional(),
            ContentType: z.string().default('application/octet-stream'),
            ContentID: z.string().default(''),
          })
          .loose(),
      )
      .default([]),
    RawEmail: z.string().optional(),
  })
  .loose();

export type PostmarkInbound = z.infer<typeof postmarkInboundSchema>;
