import type { ScoreRecord } from '../llm/observer';
import { scoreIdFor } from './trace-ids';

export interface VariantScoresInput {
  traceId: string;
  draftVersion: number;
  category?: string;
  picked: { label: 'A' | 'B'; describe: string; editSize: number };
  /** The side not picked, when it was offered too. */
  other?: { label: 'A' | 'B'; describe: string };
}

/**
 * The pick of an A/B draft as LangFuse scores on the message's trace, one set per side:
 * `ab_picked` 1 for the side the agent sent and 0 for the other (only when both were offered,
 * so a lone side is no comparison), and `ab_edit_size` (characters changed) for the picked side.
 * The side's label and what it was (model or prompt version) are in the metadata.
 */
export function variantScores(input: VariantScoresInput): ScoreRecord[] {
  const side = (label: 'A' | 'B', describe: string) => ({ draftVersion: input.draftVersion, variant: label, describe, ...(input.category ? { category: input.category } : {}) });
  const key = (label: string) => `v${input.draftVersion}:${label}`;
  const scores: ScoreRecord[] = [
    {
      id: scoreIdFor(input.traceId, 'ab_edit_size', key(input.picked.label)),
      traceId: input.traceId,
      name: 'ab_edit_size',
      value: input.picked.editSize,
      dataType: 'NUMERIC',
      metadata: side(input.picked.label, input.picked.describe),
    },
  ];
  if (input.other) {
    for (const [label, describe, value] of [
      [input.picked.label, input.picked.describe, 1],
      [input.other.label, input.other.describe, 0],
    ] as const) {
      scores.push({ id: scoreIdFor(input.traceId, 'ab_picked', key(label)), traceId: input.traceId, name: 'ab_picked', value, dataType: 'NUMERIC', metadata: side(label, describe) });
    }
  }
  return scores;
}
