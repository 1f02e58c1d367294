import type { ScoreRecord } from '../llm/observer';

/**
 * What a person (or the auto-send policy) did with a draft, as LangFuse scores on the
 * message's trace: the categorical `decision`, and for edits the numeric `edit_size`, so the
 * dashboard can relate prompt versions and models to how often drafts go out untouched.
 */

export const DRAFT_DECISIONS = ['approved_unchanged', 'edited', 'rejected', 'auto_sent', 'auto_send_cancelled'] as const;
export type DraftDecision = (typeof DRAFT_DECISIONS)[number];

export interface DecisionScoresInput {
  traceId: string;
  decision: DraftDecision;
  /** For `edited`: how much the agent changed (e.g. the timeline's editDistance). */
  editSize?: number;
  comment?: string;
}

export function decisionScores(input: DecisionScoresInput): ScoreRecord[] {
  const scores: ScoreRecord[] = [
    { traceId: input.traceId, name: 'decision', value: input.decision, ...(input.comment ? { comment: input.comment } : {}) },
  ];
  if (input.decision === 'edited' && input.editSize !== undefined) {
    scores.push({ traceId: input.traceId, name: 'edit_size', value: input.editSize });
  }
  return scores;
}
