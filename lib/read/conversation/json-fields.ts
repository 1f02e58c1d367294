import 'server-only';
import { z } from 'zod';

/**
 * Readers for the mirror's JSON columns (risk reasons, screening flags, knowledge used).
 * Their shapes are written by activities that evolve independently, so these accept a few
 * plausible shapes and drop what they cannot read instead of failing the whole page.
 */

const textItem = z.union([
  z.string(),
  z
    .object({
      label: z.string().optional(),
      kind: z.string().optional(),
      type: z.string().optional(),
      reason: z.string().optional(),
      message: z.string().optional(),
      detail: z.string().optional(),
    })
    .loose()
    .transform((item) => {
      const head = item.label ?? item.kind ?? item.type;
      const body = item.reason ?? item.message ?? item.detail;
      return [head, body].filter(Boolean).join(': ');
    }),
]);

/** A list of human-readable strings, e.g. risk reasons or screening flags. */
export function readTextList(value: unknown): string[] {
  const parsed = z.array(z.unknown()).safeParse(value);
  if (!parsed.success) return [];
  return parsed.data.flatMap((item) => {
    const text = textItem.safeParse(item);
    return text.success && text.data.trim() !== '' ? [text.data] : [];
  });
}

export interface KnowledgeRef {
  slug: string;
  title?: string;
  excerpt?: string;
}

const knowledgeItem = z.union([
  z.string().transform((slug): KnowledgeRef => ({ slug })),
  z
    .object({
      slug: z.string().optional(),
      id: z.string().optional(),
      title: z.string().optional(),
      excerpt: z.string().optional(),
      snippet: z.string().optional(),
    })
    .loose()
    .transform((item): KnowledgeRef => ({
      slug: item.slug ?? item.id ?? item.title ?? 'unknown',
      title: item.title,
      excerpt: item.excerpt ?? item.snippet,
    })),
]);

/** The knowledge articles a draft cites: slugs, or objects with a slug and title. */
export function readKnowledge(value: unknown): KnowledgeRef[] {
  const parsed = z.array(z.unknown()).safeParse(value);
  if (!parsed.success) return [];
  return parsed.data.flatMap((item) => {
    const ref = knowledgeItem.safeParse(item);
    return ref.success ? [ref.data] : [];
  });
}

/** Address lists are JSON arrays of strings (or of {address, name}). */
export function readAddresses(value: unknown): string[] {
  const parsed = z
    .array(z.union([z.string(), z.object({ address: z.string() }).loose().transform((item) => item.address)]))
    .safeParse(value);
  return parsed.success ? parsed.data : [];
}
