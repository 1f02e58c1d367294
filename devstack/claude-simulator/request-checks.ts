// Checks the API makes beyond the body's shape, with its wording, so the app meets the same
// 400s and 404s offline that it would meet online. Model facts (limits, prefill, forced tool
// use) come from the app's model table; an id it does not know is a 404, like a retired one.
import { resolveModel, type ResolvedModel } from '../../lib/platform/llm/resolve-model';
import { conversationProblem } from './conversation-checks';
import type { ApiErrorType, CountTokensRequest, MessagesRequest } from './messages-api';
import { promptUnits, totalTokens } from './prompt-units';

const MAX_BREAKPOINTS = 4;

export interface RequestProblem {
  status: 400 | 404;
  type: ApiErrorType;
  message: string;
}

const invalid = (message: string): RequestProblem => ({ status: 400, type: 'invalid_request_error', message });

/** The model a request names, or a 404 for unknown and retired ids (and made-up snapshot dates). */
export function modelFor(request: CountTokensRequest): { model: ResolvedModel } | { problem: RequestProblem } {
  const model = resolveModel(request.model);
  if (!model.exact || model.status === 'retired') {
    return { problem: { status: 404, type: 'not_found_error', message: `model: ${request.model}` } };
  }
  return { model };
}

function toolProblem(request: CountTokensRequest, model: ResolvedModel): string | null {
  const tools = request.tools ?? [];
  const names = tools.map((tool) => tool.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) return `tools: Tool names must be unique. Found duplicate: ${duplicate}`;
  const choice = request.tool_choice;
  if (choice && choice.type !== 'none' && choice.type !== 'auto' && tools.length === 0) {
    return 'tool_choice: tool_choice may only be specified while providing tools.';
  }
  if (choice?.type === 'tool' && !names.includes(choice.name)) return `tool_choice.name: Tool '${choice.name}' not found in tools`;
  const forced = choice?.type === 'any' || choice?.type === 'tool';
  if (!forced) return null;
  if (model.forcedToolUse === 'rejected') {
    return `tool_choice: ${model.id} does not support forcing tool use (tool_choice "any" or "tool"); use "auto", or output_config.format for structured output`;
  }
  const thinking = request.thinking?.type ?? (model.thinking === 'off_by_default' ? 'disabled' : 'adaptive');
  if (thinking !== 'disabled') return 'Thinking may not be enabled when tool_choice forces tool use.';
  return null;
}

function thinkingProblem(request: MessagesRequest, model: ResolvedModel): string | null {
  const thinking = request.thinking;
  if (thinking?.type === 'disabled' && model.thinking === 'always_on') {
    return `thinking: thinking cannot be disabled on ${model.id}`;
  }
  if (thinking?.type !== 'enabled') return null;
  if (thinking.budget_tokens < 1024) return 'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024';
  if (thinking.budget_tokens >= request.max_tokens) return '`max_tokens` must be greater than `thinking.budget_tokens`';
  return null;
}

function cacheProblem(request: CountTokensRequest): string | null {
  const marked = promptUnits(request).filter((unit) => unit.cacheControl);
  if (marked.length > MAX_BREAKPOINTS) {
    return `A maximum of ${MAX_BREAKPOINTS} blocks with cache_control may be provided. Found ${marked.length}.`;
  }
  let seenShort = false;
  for (const unit of marked) {
    const ttl = unit.cacheControl?.ttl ?? '5m';
    if (ttl === '1h' && seenShort) {
      return "A `ttl='1h'` cache_control block must not come after a `ttl='5m'` cache_control block. Blocks are processed in the following order: `tools`, `system`, `messages`.";
    }
    if (ttl === '5m') seenShort = true;
  }
  return null;
}

const UNSUPPORTED_SCHEMA_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'multipleOf'];

/** Structured output accepts a subset of JSON Schema: closed objects, no numeric or length limits. */
function schemaProblem(schema: unknown, path: string): string | null {
  if (typeof schema !== 'object' || schema === null) return null;
  const node = schema as Record<string, unknown>;
  const unsupported = UNSUPPORTED_SCHEMA_KEYWORDS.find((keyword) => keyword in node);
  if (unsupported) return `${path}: '${unsupported}' is not supported in structured output schemas`;
  if (node.type === 'object' && node.additionalProperties !== false) {
    return `${path}: For 'object' type, 'additionalProperties' must be explicitly set to false`;
  }
  for (const [name, child] of Object.entries((node.properties as Record<string, unknown> | undefined) ?? {})) {
    const problem = schemaProblem(child, `${path}.properties.${name}`);
    if (problem) return problem;
  }
  return schemaProblem(node.items, `${path}.items`);
}

function outputFormatProblem(request: MessagesRequest): string | null {
  const format = request.output_config?.format;
  return format ? schemaProblem(format.schema, 'output_config.format.schema') : null;
}

function samplingProblem(request: MessagesRequest): string | null {
  if (request.temperature !== undefined && request.top_p !== undefined) {
    return '`temperature` and `top_p` cannot both be specified for this model. Please use only one.';
  }
  return null;
}

function maxTokensProblem(request: MessagesRequest, model: ResolvedModel): string | null {
  if (request.max_tokens > model.maxOutputTokens) {
    return `max_tokens: ${request.max_tokens} > ${model.maxOutputTokens}, which is the maximum allowed number of output tokens for ${request.model}`;
  }
  if (request.max_tokens !== 0) return null;
  // max_tokens 0 only pre-warms the cache.
  const forced = request.tool_choice?.type === 'any' || request.tool_choice?.type === 'tool';
  if (request.stream || forced || request.output_config?.format || request.thinking?.type === 'enabled') {
    return 'max_tokens: 0 (cache pre-warming) cannot be combined with stream, a forced tool_choice, output_config.format or thinking';
  }
  return null;
}

/** Checks shared by count_tokens and messages. */
export function promptProblem(request: CountTokensRequest, model: ResolvedModel): RequestProblem | null {
  const problem =
    toolProblem(request, model) ??
    cacheProblem(request) ??
    conversationProblem(request.messages, { prefill: model.prefill, systemRole: model.id === 'claude-opus-4-8' });
  if (problem) return invalid(problem);
  const tokens = totalTokens(promptUnits(request));
  if (tokens > model.contextWindow) return invalid(`prompt is too long: ${tokens} tokens > ${model.contextWindow} maximum`);
  return null;
}

/** Returns the problem as the API would word it, or null when the request is acceptable. */
export function semanticProblem(request: MessagesRequest, model: ResolvedModel): RequestProblem | null {
  const problem = maxTokensProblem(request, model) ?? thinkingProblem(request, model) ?? samplingProblem(request) ?? outputFormatProblem(request);
  if (problem) return invalid(problem);
  return promptProblem(request, model);
}
