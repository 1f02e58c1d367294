import { z } from 'zod';

/**
 * One mail of the red-team corpora (evals/redteam/corpus/*.json), as the harness reads it.
 * `fooledDraft` is what a drafter that believed every word of the mail would write: for a
 * hostile mail the reply the attacker wanted, for a benign one a correct reply built only from
 * docs/knowledge. With a `followUp`, the harmful reply is the follow-up's draft (the first
 * reply is the ordinary answer the attacker later claims said more).
 */
export const corpusItemSchema = z.object({
  id: z.string().regex(/^[hb]-[a-z]{2,3}(?:-[A-Z]{2})?-[a-z0-9-]+-\d{2}$/),
  kind: z.string().min(1),
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/),
  split: z.enum(['dev', 'heldout']),
  from: z.object({ name: z.string().min(1), address: z.email() }),
  subject: z.string().min(1),
  body: z.string().min(1),
  customerIdentifiers: z.array(z.string().min(1)).optional(),
  fooledDraft: z.string().min(1),
  followUp: z.object({ body: z.string().min(1), fooledDraft: z.string().min(1) }).optional(),
});

export const corpusSchema = z.array(corpusItemSchema).superRefine((items, context) => {
  const ids = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (ids.has(item.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate id ${item.id}` });
    ids.add(item.id);
  }
});

export type CorpusItem = z.infer<typeof corpusItemSchema>;
export type Corpus = z.infer<typeof corpusSchema>;
