// The slice of the Anthropic Messages API the simulator speaks: the request schema (zod) and
// the response shapes. Field names follow the public API exactly so the real SDK can talk to us.
import { z } from 'zod';

const cacheControlSchema = z.object({
  type: z.literal('ephemeral'),
  ttl: z.enum(['5m', '1h']).optional(),
});
export type CacheControl = z.infer<typeof cacheControlSchema>;

// `null` is what the SDK sends when a caller clears a breakpoint; treat it like "absent".
const cacheControlField = cacheControlSchema.nullish();

const textBlockSchema = z.object({
  type: z.literal('text'),
  text: z.string(),
  cache_control: cacheControlField,
});

const imageLikeBlockSchema = z.object({
  type: z.enum(['image', 'document']),
  source: z.looseObject({ type: z.string() }),
  title: z.string().nullish(),
  cache_control: cacheControlField,
});

const toolUseBlockSchema = z.object({
  type: z.literal('tool_use'),
  id: z.string().min(1),
  name: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
  cache_control: cacheControlField,
});

const toolResultBlockSchema = z.object({
  type: z.literal('tool_result'),
  tool_use_id: z.string().min(1),
  content: z.union([z.string(), z.array(z.union([textBlockSchema, imageLikeBlockSchema]))]).optional(),
  is_error: z.boolean().optional(),
  cache_control: cacheControlField,
});

const contentBlockSchema = z.discriminatedUnion('type', [
  textBlockSchema,
  imageLikeBlockSchema,
  toolUseBlockSchema,
  toolResultBlockSchema,
]);
export type RequestContentBlock = z.infer<typeof contentBlockSchema>;

const messageSchema = z.object({
  // SDK 1.x also types in-conversation system messages; only Opus 4.8 accepts them (request-checks).
  role: z.enum(['user', 'assistant', 'system']),
  // Emptiness is checked with the API's own wording in conversation-checks.ts.
  content: z.union([z.string(), z.array(contentBlockSchema)]),
});
export type RequestMessage = z.infer<typeof messageSchema>;

const toolSchema = z.object({
  name: z.string().regex(/^[a-zA-Z0-9_-]{1,128}$/, 'tool names must match ^[a-zA-Z0-9_-]{1,128}$'),
  description: z.string().optional(),
  input_schema: z.looseObject({ type: z.literal('object') }),
  cache_control: cacheControlField,
});
export type ToolDefinition = z.infer<typeof toolSchema>;

const toolChoiceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('auto'), disable_parallel_tool_use: z.boolean().optional() }),
  z.object({ type: z.literal('any'), disable_parallel_tool_use: z.boolean().optional() }),
  z.object({ type: z.literal('tool'), name: z.string().min(1), disable_parallel_tool_use: z.boolean().optional() }),
  z.object({ type: z.literal('none') }),
]);

const thinkingSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('enabled'), budget_tokens: z.number().int() }),
  z.object({ type: z.literal('adaptive') }),
  z.object({ type: z.literal('disabled') }),
]);
export type ThinkingConfig = z.infer<typeof thinkingSchema>;

const outputConfigSchema = z.object({
  // Only json_schema exists; anything else is the API's 400.
  format: z.object({ type: z.literal('json_schema'), schema: z.record(z.string(), z.unknown()) }).nullish(),
  effort: z.enum(['low', 'medium', 'high', 'max']).nullish(),
});

const promptFields = {
  model: z.string().min(1),
  messages: z.array(messageSchema).min(1, 'at least one message is required'),
  system: z.union([z.string(), z.array(textBlockSchema)]).optional(),
  tools: z.array(toolSchema).optional(),
  tool_choice: toolChoiceSchema.optional(),
  // Top-level cache_control is the API's "automatic caching": a breakpoint on the last block.
  cache_control: cacheControlField,
  thinking: thinkingSchema.optional(),
  output_config: outputConfigSchema.optional(),
};

export const messagesRequestSchema = z.object({
  ...promptFields,
  // 0 only pre-warms the prompt cache (request-checks.ts lists what it cannot combine with).
  max_tokens: z.number().int().min(0),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.number().int().min(0).optional(),
  stop_sequences: z.array(z.string()).optional(),
  metadata: z.object({ user_id: z.string().nullish() }).optional(),
  stream: z.boolean().optional(),
});
export type MessagesRequest = z.infer<typeof messagesRequestSchema>;

export const countTokensRequestSchema = z.object(promptFields);
export type CountTokensRequest = z.infer<typeof countTokensRequestSchema>;

export type ResponseContentBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

export type StopReason =
  | 'end_turn'
  | 'tool_use'
  | 'max_tokens'
  | 'stop_sequence'
  | 'pause_turn'
  | 'refusal'
  | 'model_context_window_exceeded';

/** Set on refusals only (SDK RefusalStopDetails). */
export interface StopDetails {
  type: 'refusal';
  category: 'cyber' | 'bio' | 'frontier_llm' | 'reasoning_extraction' | 'general_harms' | null;
  explanation: string | null;
}

export interface SimUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
  service_tier: 'standard';
}

export interface SimMessage {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: ResponseContentBlock[];
  stop_reason: StopReason;
  stop_sequence: null;
  stop_details: StopDetails | null;
  usage: SimUsage;
}

export type ApiErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'billing_error'
  | 'permission_error'
  | 'not_found_error'
  | 'request_too_large'
  | 'rate_limit_error'
  | 'api_error'
  | 'timeout_error'
  | 'overloaded_error';

/** First zod issue rendered the way the API words validation errors: `path: message`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid request body';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
