import type Anthropic from '@anthropic-ai/sdk';

/**
 * What a finished Claude answer is good for, by its stop reason (docs: handling stop reasons).
 * A refusal is final and never continued; a cut-off answer may be retried once with a larger
 * budget; a paused turn once more from the start; a context overflow with a shorter thread;
 * an empty answer (a 2-3 token end_turn) never unmodified.
 */
export type AnswerVerdict =
  | { kind: 'usable' }
  | { kind: 'refused'; detail: string }
  | { kind: 'truncated' }
  | { kind: 'paused' }
  | { kind: 'context_exceeded' }
  | { kind: 'empty' };

export function refusalDetail(message: Anthropic.Message): string {
  const details = message.stop_details;
  const parts = [details?.category ? `category: ${details.category}` : undefined, details?.explanation ?? undefined].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : 'no reason given';
}

/**
 * The part of a refusal that may travel through the workflow (its history and the status it
 * mirrors): the API's category, a fixed vocabulary. The explanation is Claude's own words about
 * the email, so it stays with the stored draft or classification.
 */
export function refusalCategory(message: Anthropic.Message): string {
  const category = message.stop_details?.category;
  return category ? `category: ${category}` : 'no reason given';
}

function hasContent(message: Anthropic.Message): boolean {
  return message.content.some((block) => block.type === 'tool_use' || (block.type === 'text' && block.text.trim().length > 0));
}

export function verdictOf(message: Anthropic.Message): AnswerVerdict {
  switch (message.stop_reason) {
    case 'refusal':
      return { kind: 'refused', detail: refusalDetail(message) };
    case 'max_tokens':
      return { kind: 'truncated' };
    case 'pause_turn':
      return { kind: 'paused' };
    case 'model_context_window_exceeded':
      return { kind: 'context_exceeded' };
    case 'end_turn':
    case 'stop_sequence':
    case 'tool_use':
    case null:
      return hasContent(message) ? { kind: 'usable' } : { kind: 'empty' };
  }
}

/** The text of an answer, joined; tool calls and other blocks are not text. */
export function answerText(message: Anthropic.Message): string {
  return message.content
    .flatMap((block) => (block.type === 'text' ? [block.text] : []))
    .join('\n')
    .trim();
}

/**
 * The structured answer of a check or a choice: the named tool's input, or the JSON text a
 * structured-output request returns instead; undefined when there is neither.
 */
export function structuredAnswer(message: Anthropic.Message, tool: string): unknown {
  const block = message.content.find((part) => part.type === 'tool_use' && part.name === tool);
  if (block?.type === 'tool_use') return block.input;
  try {
    return JSON.parse(answerText(message));
  } catch {
    return undefined;
  }
}
