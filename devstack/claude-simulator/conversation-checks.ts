// The API's rules for the `messages` array, with its wording: who speaks first, no empty turns
// or text blocks, no prefill on models that reject it, and every tool_use answered by a
// tool_result at the start of the very next user turn (and nothing else).
import type { RequestContentBlock, RequestMessage } from './messages-api';

interface Turn {
  /** Index of the first message of the turn in the request. */
  index: number;
  role: RequestMessage['role'];
  blocks: RequestContentBlock[];
  /** A message given as a plain string. */
  text: boolean;
}

const blocksOf = (message: RequestMessage): RequestContentBlock[] =>
  typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;

/** Consecutive user or assistant messages are one turn, as the API combines them. */
function turns(messages: readonly RequestMessage[]): Turn[] {
  const result: Turn[] = [];
  messages.forEach((message, index) => {
    const last = result.at(-1);
    if (last && last.role === message.role && message.role !== 'system') last.blocks.push(...blocksOf(message));
    else result.push({ index, role: message.role, blocks: blocksOf(message), text: typeof message.content === 'string' });
  });
  return result;
}

function emptyContentProblem(messages: readonly RequestMessage[]): string | null {
  for (const [index, message] of messages.entries()) {
    const finalAssistant = index === messages.length - 1 && message.role === 'assistant';
    const empty = typeof message.content === 'string' ? message.content.length === 0 : message.content.length === 0;
    if (empty && !finalAssistant) return `messages.${index}: all messages must have non-empty content except for the optional final assistant message`;
    if (finalAssistant) continue;
    for (const block of blocksOf(message)) {
      if (block.type !== 'text') continue;
      if (block.text.length === 0) return 'messages: text content blocks must be non-empty';
      if (block.text.trim().length === 0) return 'messages: text content blocks must contain non-whitespace text';
    }
  }
  return null;
}

function toolPairingProblem(list: readonly Turn[]): string | null {
  const seen = new Set<string>();
  for (const [position, turn] of list.entries()) {
    const uses = turn.blocks.flatMap((block) => (block.type === 'tool_use' ? [block.id] : []));
    for (const id of uses) {
      if (seen.has(id)) return 'messages: `tool_use` ids must be unique';
      seen.add(id);
    }
    const results = turn.blocks.flatMap((block) => (block.type === 'tool_result' ? [block.tool_use_id] : []));
    const previous = list[position - 1];
    const previousUses = new Set(previous?.role === 'assistant' ? previous.blocks.flatMap((b) => (b.type === 'tool_use' ? [b.id] : [])) : []);
    const stray = results.find((id) => !previousUses.has(id));
    if (stray) {
      return (
        `messages.${turn.index}.content.0: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${stray}. ` +
        'Each `tool_result` block must have a corresponding `tool_use` block in the previous message.'
      );
    }
    if (uses.length === 0) continue;
    const next = list[position + 1];
    if (!next) continue; // a final assistant tool_use is the model's own answer being continued
    const answered = new Set(next.role === 'user' ? next.blocks.flatMap((b) => (b.type === 'tool_result' ? [b.tool_use_id] : [])) : []);
    const missing = uses.filter((id) => !answered.has(id));
    if (missing.length > 0) {
      return (
        `messages.${next.index}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. ` +
        'Each `tool_use` block must have a corresponding `tool_result` block in the next message.'
      );
    }
    const leading = next.blocks.findIndex((block) => block.type !== 'tool_result');
    const firstResults = leading === -1 ? next.blocks.length : leading;
    if (firstResults < uses.length) {
      return (
        `messages.${next.index}: Did not find ${uses.length} tool_result block(s) at the beginning of this message. ` +
        'Messages following tool_use blocks must begin with a matching number of tool_result blocks.'
      );
    }
  }
  return null;
}

export interface ConversationRules {
  /** Whether a final assistant message (prefill) is accepted. */
  prefill: boolean;
  /** Whether in-conversation system messages are accepted (Opus 4.8 only). */
  systemRole: boolean;
}

/** The problem as the API words it, or null. */
export function conversationProblem(messages: readonly RequestMessage[], rules: ConversationRules): string | null {
  if (!rules.systemRole && messages.some((message) => message.role === 'system')) {
    return "messages: role 'system' is not supported on this model; use the top-level system parameter";
  }
  const list = turns(messages.filter((message) => message.role !== 'system'));
  if (list[0]?.role !== 'user') return 'messages: first message must use the "user" role';
  const empty = emptyContentProblem(messages);
  if (empty) return empty;
  if (!rules.prefill && list.at(-1)?.role === 'assistant') {
    return 'This model does not support assistant message prefill. The conversation must end with a user message.';
  }
  return toolPairingProblem(list);
}
