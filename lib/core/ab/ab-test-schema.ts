import { z } from 'zod';
import { variantSchema } from './variants';

/** What a manager saves in Settings for one category's A/B test. Schema-only, so the form validates alike. */
export const abTestInputSchema = z
  .object({
    category: z.string().trim().min(1).max(100),
    enabled: z.boolean(),
    variantA: variantSchema,
    variantB: variantSchema,
  })
  .refine((test) => JSON.stringify(test.variantA) !== JSON.stringify(test.variantB), {
    message: 'The two variants are the same: change one of them.',
    path: ['variantB'],
  });
export type AbTestInput = z.infer<typeof abTestInputSchema>;
