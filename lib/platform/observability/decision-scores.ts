import type { ScoreRecord } from '../llm/observer';
import { scoreIdFor } from './trace-ids';

/**
 * What a person (or the auto-send policy) did with a draft, as LangFuse scores on the
 * message's trace. Every score is keyed by the decision (draft version and kind), so a
 * revise of version 1 and the approve of version 2 are two scores, never one replacing the
 * other; `edit_size` is sent for every approval (0 when untouched), so its average is the
 * real share of editing. The agent's final text goes as a correction when the reply is sent
 * (correctionScore), because only then is it what the customer got.
 */

export type DecisionKind = 'approve' | 'reject' | 'revise' | 'cancel_hold' | 'auto_send';

export const DECISION_VALUES = ['approved_unchanged', 'edited', 'rejected', 'revision_requested', 'auto_send_cancelled', 'auto_sent'] as const;
export type DecisionValue = (typeof DECISION_VALUES)[number];

export interface DecisionScoresInput {
  traceId: string;
  draftVersion: number;
  kind: DecisionKind;
  /** For approvals: whether the agent changed the text, and by how much (characters). */
  edited?: boolean;
  editSize?: number;
  /** The agent's reason or revision instructions (free text: masked on the way out). */
  comment?: string;
}

export function decisionValue(kind: DecisionKind, edited: boolean): DecisionValue {
  switch (kind) {
    case 'approve':
      return edited ? 'edited' : 'approved_unchanged';
    case 'reject':
      return 'rejected';
    case 'revise':
      return 'revision_requested';
    case 'cancel_hold':
      return 'auto_send_cancelled';
    case 'auto_send':
      return 'auto_sent';
  }
}

export function decisionScores(input: DecisionScoresInput): ScoreRecord[] {
  const key = `v${input.draftVersion}:${input.kind}`;
  const metadata = { draftVersion: input.draftVersion, kind: input.kind };
  const scores: ScoreRecord[] = [
    {
      id: scoreIdFor(input.traceId, 'decision', key),
      traceId: input.traceId,
      name: 'decision',
      value: decisionValue(input.kind, input.edited ?? false),
      dataType: 'CATEGORICAL',
      metadata,
      ...(input.comment ? { comment: input.comment } : {}),
    },
  ];
  if (input.kind === 'approve') {
    scores.push({
      id: scoreIdFor(input.traceId, 'edit_size', key),
      traceId: input.traceId,
      name: 'edit_size',
      value: input.edited ? (input.editSize ?? 0) : 0,
      dataType: 'NUMERIC',
      metadata,
    });
  }
  return scores;
}

/**
 * The reply the agent actually sent, where it differs from the model's draft, as LangFuse's
 * correction of the trace's output (one per trace: a later one replaces it).
 */
export function correctionScore(input: { traceId: string; draftVersion: number; text: string; source: 'edited' | 'agent_reply' }): ScoreRecord {
  return {
    id: scoreIdFor(input.traceId, 'correction'),
    traceId: input.traceId,
    name: 'output',
    value: input.text,
    dataType: 'CORRECTION',
    metadata: { draftVersion: input.draftVersion, source: input.source },
  };
}
