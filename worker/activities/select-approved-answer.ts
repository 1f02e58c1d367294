import { assembleApprovedAnswer } from '../../lib/core/safety/approved-answer';
import { buildSelectRequest, SELECT_TOOL, selectionSchema } from '../../lib/features/prompts/select-answer-prompt';
import type { ThreadEntry } from '../../lib/features/prompts/thread';
import { callClaude, type ClaudeCallResult } from './call-claude';
import type { ActivityDeps } from './deps';
import { structuredAnswer, verdictOf } from './model-answer';

export interface ApprovedAnswer {
  body: string;
  passageIds: string[];
  calls: ClaudeCallResult[];
}

/**
 * The approved answer for the newest email in a category that auto-sends approved answers only:
 * the model picks passages, code assembles the reply. Undefined when no approved answer fits
 * or the choice cannot be used: the caller then drafts freely, for a person to review.
 */
export async function selectApprovedAnswer(
  deps: ActivityDeps,
  input: { conversationId: string; messageId: string; thread: readonly ThreadEntry[]; passages: readonly { id: string; text: string }[]; customerName: string | null; category?: string },
): Promise<ApprovedAnswer | undefined> {
  const result = await callClaude(deps, {
    conversationId: input.conversationId,
    messageId: input.messageId,
    purpose: 'select',
    prompt: { name: 'select-approved-answer', version: 1, source: 'code' },
    category: input.category,
    request: buildSelectRequest({ model: deps.config.classifyModel, thread: input.thread, passages: input.passages }),
    callIndex: 0,
  });
  if (verdictOf(result.message).kind !== 'usable') return undefined;
  const parsed = selectionSchema.safeParse(structuredAnswer(result.message, SELECT_TOOL));
  if (!parsed.success || parsed.data.none_fits) return undefined;
  // Only ids that were offered count: an invented one selects nothing.
  const byId = new Map(input.passages.map((passage) => [passage.id, passage]));
  const chosen = [...new Set(parsed.data.passage_ids)].flatMap((id) => byId.get(id) ?? []);
  if (chosen.length === 0) return undefined;
  return { body: assembleApprovedAnswer({ customerName: input.customerName, passages: chosen }), passageIds: chosen.map((passage) => passage.id), calls: [result] };
}
