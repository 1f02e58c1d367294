import { z } from 'zod';

/** The two sides of an A/B test of drafts. A small enum: the pick travels in the approve Update. */
export const VARIANT_LABELS = ['A', 'B'] as const;
export type VariantLabel = (typeof VARIANT_LABELS)[number];
export const variantLabelSchema = z.enum(VARIANT_LABELS);

/**
 * One side: a prompt version of the drafting prompt, or a model (the other stays as configured).
 * Which ones exist is checked where they are known (lib/features/ab-tests/check-variant.ts).
 */
export const variantSchema = z
  .object({
    model: z.string().trim().min(1).max(100).optional(),
    promptVersion: z.number().int().positive().max(100_000).optional(),
  })
  .strict()
  .refine((variant) => (variant.model === undefined) !== (variant.promptVersion === undefined), 'Give each variant either a model or a prompt version, not both.');
export type DraftVariantSpec = z.infer<typeof variantSchema>;

/** A variant as the workflow passes it to the drafting activity. */
export interface LabelledVariant extends DraftVariantSpec {
  label: VariantLabel;
}

/** What the problems list of an A/B draft says: the one send decision then keeps it for an agent. */
export const AB_REVIEW_PROBLEM = 'A/B test: an agent picks one of two variants (A/B drafts are never sent automatically)';

/** How a side that failed is shown beside the one offered, among the draft's problems. */
export const variantFailureProblem = (label: string, reason: string) => `A/B variant ${label} failed: ${reason}`;

export function describeVariant(variant: DraftVariantSpec): string {
  return variant.model !== undefined ? `model ${variant.model}` : `prompt version ${variant.promptVersion ?? '?'}`;
}
