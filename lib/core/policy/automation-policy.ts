import { z } from 'zod';

/** The automation policy, read from settings when a workflow starts and passed in. */
export interface AutomationPolicy {
  autoSendEnabled: boolean;
  autoSendCategories: string[];
  /**
   * Categories whose automatic replies are assembled by code from approved text (knowledge
   * passages), never free text: the model only chooses which passages fit (action selector).
   * A free-form draft in such a category always goes to a person. Absent in older runs.
   */
  approvedAnswersOnlyCategories?: string[];
  maxRiskScore: number;
  minConfidence: number;
  holdSeconds: number;
  reviewSlaMinutes: number;
  idleCloseHours: number;
  /**
   * How long an agent's send (approve, edit and approve, own reply) waits with an Undo button;
   * 0 sends at once. Absent in older settings: DEFAULT_UNDO_SECONDS.
   */
  undoSeconds?: number;
}

export const DEFAULT_UNDO_SECONDS = 10;

/** The stored and validated policy; bounds keep a typo from disabling the human gate. */
export const automationPolicySchema = z.object({
  autoSendEnabled: z.boolean(),
  autoSendCategories: z.array(z.string().trim().min(1)).max(50),
  approvedAnswersOnlyCategories: z.array(z.string().trim().min(1)).max(50).optional(),
  maxRiskScore: z.number().int().min(0).max(100),
  minConfidence: z.number().min(0).max(1),
  holdSeconds: z.number().int().min(0).max(24 * 60 * 60),
  reviewSlaMinutes: z.number().int().min(1).max(14 * 24 * 60),
  idleCloseHours: z.number().int().min(1).max(90 * 24),
  undoSeconds: z.number().int().min(0).max(120).optional(),
}) satisfies z.ZodType<AutomationPolicy>;

export const automationPolicyPatchSchema = automationPolicySchema.partial();
export type AutomationPolicyPatch = z.infer<typeof automationPolicyPatchSchema>;

const checkbox = z.union([z.literal('on'), z.literal('true')]).optional().transform((value) => value !== undefined);

/** The settings form as FormData gives it: strings, an absent unchecked box, repeated categories. */
export const automationPolicyFormSchema = z.object({
  autoSendEnabled: checkbox,
  autoSendCategories: z.array(z.string()),
  approvedAnswersOnlyCategories: z.array(z.string()).default([]),
  maxRiskScore: z.coerce.number().pipe(automationPolicySchema.shape.maxRiskScore),
  minConfidence: z.coerce.number().pipe(automationPolicySchema.shape.minConfidence),
  holdSeconds: z.coerce.number().pipe(automationPolicySchema.shape.holdSeconds),
  reviewSlaMinutes: z.coerce.number().pipe(automationPolicySchema.shape.reviewSlaMinutes),
  idleCloseHours: z.coerce.number().pipe(automationPolicySchema.shape.idleCloseHours),
  undoSeconds: z.coerce.number().pipe(z.number().int().min(0).max(120)).default(DEFAULT_UNDO_SECONDS),
});
