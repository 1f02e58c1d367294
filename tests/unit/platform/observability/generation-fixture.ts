import type { GenerationRecord } from '../../../../lib/platform/llm/observer';
import { computeCostUsd } from '../../../../lib/platform/llm/pricing';
import { traceIdFor } from '../../../../lib/platform/observability/trace-ids';

export const WORKFLOW_ID = 'conversation-conv_42';
export const MESSAGE_ID = 'msg_7';
export const CONVERSATION_ID = 'conv_42';
export const TRACE_ID = traceIdFor({ workflowId: WORKFLOW_ID, messageId: MESSAGE_ID });

export const LANGFUSE_PUBLIC_KEY = 'pk-lf-1234567890abcdef';
export const LANGFUSE_SECRET_KEY = 'sk-lf-fedcba0987654321secret';

/** A generation as the worker's callClaude reports it; fields overridable per test. */
export function generation(overrides: Partial<GenerationRecord> = {}): GenerationRecord {
  const model = overrides.model ?? 'claude-haiku-4-5-20251001';
  const usage = overrides.usage ?? {
    inputTokens: 412,
    outputTokens: 96,
    cacheReadTokens: 0,
    cacheWrite5mTokens: 0,
    cacheWrite1hTokens: 0,
  };
  const startedAt = new Date(Date.now() - 850);
  return {
    traceId: TRACE_ID,
    sessionId: CONVERSATION_ID,
    name: 'classify',
    purpose: 'classify',
    model,
    promptName: 'classify-email',
    promptVersion: 1,
    input: { system: 'You triage email.', messages: [{ role: 'user', content: 'Where is order #48213?' }] },
    output: [{ type: 'tool_use', name: 'record_classification', input: { category: 'orders' } }],
    usage,
    costUsd: computeCostUsd(model, usage).costUsd,
    startedAt,
    endedAt: new Date(startedAt.getTime() + 850),
    attempt: 1,
    metadata: { workflowId: WORKFLOW_ID, runId: 'run_1', conversationId: CONVERSATION_ID, messageId: MESSAGE_ID, category: 'orders' },
    ...overrides,
  };
}
