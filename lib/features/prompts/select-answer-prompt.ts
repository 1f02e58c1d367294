import type Anthropic from '@anthropic-ai/sdk';
import { z } from 'zod';
import { resolveModel } from '../../platform/llm/resolve-model';
import { renderThread, type ThreadEntry } from './thread';
import { neutralise, UNTRUSTED_DATA_RULES } from './untrusted-content';

/**
 * For categories that auto-send approved answers only: the model chooses which approved passages
 * answer the newest email, and writes nothing. Code assembles the reply from them
 * (lib/core/safety/approved-answer.ts), so whatever the email makes the model do, the worst
 * outcome is a wrong approved answer, which a person can still review.
 */
export const SELECT_TOOL = 'choose_approved_answers';
export const MAX_SELECTED = 3;

export const selectionSchema = z.object({
  passage_ids: z.array(z.string().max(200)).max(MAX_SELECTED),
  none_fits: z.boolean(),
});

const selectTool = {
  name: SELECT_TOOL,
  description: 'Choose the approved answers (passage ids) that answer the customer, or say that none fits.',
  input_schema: {
    type: 'object' as const,
    properties: {
      passage_ids: { type: 'array', items: { type: 'string' }, description: `Up to ${MAX_SELECTED} passage ids, most relevant first` },
      none_fits: { type: 'boolean', description: 'No approved answer answers what the customer asked' },
    },
    required: ['passage_ids', 'none_fits'],
  },
};

const INSTRUCTIONS = `You route customer emails to approved answers. You cannot write text: you only choose which
of the approved answers below (by id) answer what the customer asked in the newest email, most
relevant first, at most ${MAX_SELECTED}. If none of them answers it, set none_fits. Choose only
answers that fully apply; when unsure, set none_fits.`;

export function buildSelectRequest(input: { model: string; thread: readonly ThreadEntry[]; passages: readonly { id: string; text: string }[] }): Anthropic.MessageCreateParamsNonStreaming {
  const model = resolveModel(input.model);
  const structured = model.forcedToolUse === 'rejected';
  const answers = input.passages.map((passage) => `<approved_answer id="${neutralise(passage.id).replace(/"/g, "'")}">\n${neutralise(passage.text)}\n</approved_answer>`);
  const request: Anthropic.MessageCreateParamsNonStreaming = {
    model: input.model,
    max_tokens: 256,
    system: [
      { type: 'text', text: `${INSTRUCTIONS}\n\n${UNTRUSTED_DATA_RULES}` },
      { type: 'text', text: `<approved_answers>\n${answers.join('\n')}\n</approved_answers>` },
    ],
    messages: [{ role: 'user', content: `${renderThread(input.thread)}\n\nChoose the approved answers for the newest customer email.` }],
  };
  if (structured) return { ...request, output_config: { format: { type: 'json_schema', schema: { ...selectTool.input_schema, additionalProperties: false } } } };
  return {
    ...request,
    tools: [selectTool],
    tool_choice: { type: 'tool', name: SELECT_TOOL, disable_parallel_tool_use: true },
    ...(model.thinking === 'on_by_default' ? { thinking: { type: 'disabled' as const } } : {}),
  };
}
