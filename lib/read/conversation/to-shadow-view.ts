import 'server-only';
import { z } from 'zod';
import type { DraftShadow } from '../../platform/db/generated/client';
import type { GroundingView, ShadowView, VerificationView } from './detail-types';
import { SEND_LAYERS } from '../../core/policy/send-decision';
import { readTextList } from './json-fields';

const answerSchema = z.object({
  factsSupported: z.boolean(),
  unsupportedStatements: z.array(z.string()),
  answersQuestion: z.boolean(),
  makesCommitments: z.boolean(),
  commitments: z.array(z.string()),
  followsEmailInstructions: z.boolean(),
  followedInstructions: z.array(z.string()),
  notes: z.string(),
});

const verificationSchema = z.object({
  status: z.enum(['passed', 'failed', 'error', 'skipped']),
  reasons: z.array(z.string()).optional(),
  reason: z.string().optional(),
  answer: answerSchema.nullable().optional(),
});

/** The stored check, read leniently: a shape this page cannot read shows as no answer, never a crash. */
function readVerification(value: unknown): VerificationView | null {
  const parsed = verificationSchema.safeParse(value);
  if (!parsed.success) return null;
  const { status, reasons, reason, answer } = parsed.data;
  return { status, reasons: reasons ?? (reason ? [reason] : []), answer: answer ?? null };
}

const groundingSchema = z.object({
  status: z.enum(['passed', 'failed', 'error', 'skipped']),
  reasons: z.array(z.string()).optional(),
  reason: z.string().optional(),
  answer: z
    .object({
      allSupported: z.boolean(),
      unsupportedStatements: z.array(z.string()),
      claimsCompletedActions: z.boolean(),
      actionClaims: z.array(z.string()),
      passageIds: z.array(z.string()),
      notes: z.string(),
    })
    .nullable()
    .optional(),
});

function readGrounding(value: unknown): GroundingView | null {
  const parsed = groundingSchema.safeParse(value);
  if (!parsed.success) return null;
  const { status, reasons, reason, answer } = parsed.data;
  return { status, reasons: reasons ?? (reason ? [reason] : []), answer: answer ?? null };
}

const layersSchema = z.array(
  z.object({
    layer: z.enum(SEND_LAYERS),
    verdict: z.enum(['pass', 'hold', 'not_run']),
    holds: z.array(z.object({ reason: z.string(), rule: z.string().optional(), token: z.string().optional(), sentence: z.string().optional() })),
  }),
);

export function toShadowView(row: DraftShadow): ShadowView {
  const layers = layersSchema.safeParse(row.layers);
  return {
    draftVersion: row.draftVersion,
    layers: layers.success ? layers.data : [],
    grounding: readGrounding(row.grounding),
    category: row.category,
    wouldAutoSend: row.wouldAutoSend,
    reasons: readTextList(row.reasons),
    route: row.route,
    verification: readVerification(row.verification),
    outcome: row.outcome,
    editSize: row.editSize,
    review: row.review,
    reviewReason: row.reviewReason,
    reviewedBy: row.reviewedBy,
    reviewedAt: row.reviewedAt,
  };
}
