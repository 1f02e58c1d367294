// Builds the assistant message for a valid request. A forced tool call means classification
// (one tool_use block); anything else is drafting or revising (one text block).
import { createHash, randomBytes } from 'node:crypto';
import { writeDraft } from './draft-writer';
import { analyzeEmail, emailText } from './heuristics';
import type { MessagesRequest, ResponseContentBlock, SimMessage, StopReason, ToolDefinition } from './messages-api';
import type { CacheUsage } from './prompt-cache';
import { readPrompt } from './prompt-reader';
import { buildToolInput, malformToolInput } from './tool-input';
import { estimateTokens } from './tokens';

export type Purpose = 'classify' | 'draft';

export interface PurposeInfo {
  purpose: Purpose;
  tool: ToolDefinition | null;
}

export function detectPurpose(request: MessagesRequest): PurposeInfo {
  const choice = request.tool_choice;
  const tools = request.tools ?? [];
  if (choice?.type === 'tool') {
    return { purpose: 'classify', tool: tools.find((tool) => tool.name === choice.name) ?? null };
  }
  // `any` forces *some* tool call; with the simulator's single-minded heuristics that is the first one.
  if (choice?.type === 'any' && tools[0]) return { purpose: 'classify', tool: tools[0] };
  return { purpose: 'draft', tool: null };
}

/** Same request, same ids: keeps whole `content` arrays comparable across identical calls. */
function requestDigest(request: MessagesRequest): string {
  const meaningful = { ...request, stream: undefined, metadata: undefined };
  return createHash('sha256').update(JSON.stringify(meaningful)).digest('hex');
}

export interface Reply {
  content: ResponseContentBlock[];
  stopReason: StopReason;
  outputTokens: number;
}

export function buildReply(request: MessagesRequest, info: PurposeInfo, malformed: boolean): Reply {
  const view = readPrompt(request);
  if (info.purpose === 'classify' && info.tool) {
    const analysis = analyzeEmail(view.email);
    const valid = buildToolInput(info.tool.input_schema, analysis, emailText(view.email));
    const input = malformed ? malformToolInput(valid) : valid;
    const outputTokens = estimateTokens(JSON.stringify(input));
    const block = { type: 'tool_use' as const, id: toolUseId(request), name: info.tool.name };
    if (outputTokens > request.max_tokens) {
      // The API cuts generation mid-JSON; what reaches the caller is an unusable, empty input.
      return { content: [{ ...block, input: {} }], stopReason: 'max_tokens', outputTokens: request.max_tokens };
    }
    return { content: [{ ...block, input }], stopReason: 'tool_use', outputTokens };
  }
  const text = malformed ? '' : writeDraft(view);
  const outputTokens = estimateTokens(text);
  if (outputTokens > request.max_tokens) {
    const cut = text.slice(0, request.max_tokens * 4);
    return { content: [{ type: 'text', text: cut }], stopReason: 'max_tokens', outputTokens: request.max_tokens };
  }
  return { content: [{ type: 'text', text }], stopReason: 'end_turn', outputTokens };
}

function toolUseId(request: MessagesRequest): string {
  return `toolu_sim_${requestDigest(request).slice(0, 24)}`;
}

export function assembleMessage(request: MessagesRequest, reply: Reply, inputTotal: number, cache: CacheUsage): SimMessage {
  return {
    id: `msg_sim_${randomBytes(12).toString('hex')}`,
    type: 'message',
    role: 'assistant',
    model: request.model,
    content: reply.content,
    stop_reason: reply.stopReason,
    stop_sequence: null,
    usage: {
      // As the API reports it: total prompt = input_tokens + cache_creation + cache_read.
      input_tokens: inputTotal - cache.cacheCreation - cache.cacheRead,
      output_tokens: reply.outputTokens,
      cache_creation_input_tokens: cache.cacheCreation,
      cache_read_input_tokens: cache.cacheRead,
      cache_creation: { ephemeral_5m_input_tokens: cache.creation5m, ephemeral_1h_input_tokens: cache.creation1h },
      service_tier: 'standard',
    },
  };
}
