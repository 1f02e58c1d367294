import type Anthropic from '@anthropic-ai/sdk';
import { ApplicationFailure, Context } from '@temporalio/activity';
import { MODEL_FAILURES } from '../../lib/core/failures';
import { recordLlmCall, type LlmCallRecord } from '../../lib/features/conversations/mirror/record-llm-call';
import { checkModelBudget } from '../../lib/features/settings/model-budget';
import type { BudgetStatus } from '../../lib/core/policy/model-budget';
import { computeCostUsd } from '../../lib/platform/llm/pricing';
import { appMetrics } from '../../lib/platform/metrics/app-metrics';
import { tokenUsageOf } from '../../lib/platform/llm/token-usage';
import type { LlmPurpose, TokenUsage } from '../../lib/platform/llm/observer';
import { traceIdFor } from '../../lib/platform/observability/trace-ids';
import type { ActivityDeps } from './deps';
import type { HeldLlmCalls } from './held-llm-calls';
import { classifyModelError, toActivityFailure } from './model-errors';

export interface ClaudeCallInput {
  conversationId: string;
  messageId: string;
  purpose: LlmPurpose;
  /** The prompt's name and version; `source: 'langfuse'` links the generation to that version in LangFuse. */
  prompt: { name: string; version: number; source?: 'langfuse' | 'code' };
  request: Anthropic.MessageCreateParamsNonStreaming;
  /** Later calls inside one attempt (a retry after a stop reason, the corrective retry) get their own record. */
  callIndex?: number;
  category?: string;
  /** The conversation's customer address (for the trace's pseudonymous id), when the caller read it; absent: read here. */
  customerAddress?: string | null;
  /**
   * The budget as the caller's own query read it just before this call (budgetColumns);
   * absent: checked here. Only ever for the first call of a turn (runModelTurns drops it after).
   */
  budget?: BudgetStatus;
}

const HEARTBEAT_MS = 5_000;

export interface ClaudeCallResult {
  message: Anthropic.Message;
  usage: TokenUsage;
  costUsd: number;
}

/**
 * One Claude call attempt: refused up front when the model-spend budget is reached (no call is
 * made); otherwise heartbeats while waiting (so a dead worker is noticed fast), records usage,
 * cost, stop reason and failure type in the store (keyed by activity attempt, so retries add
 * rows rather than duplicate them; with `held`, an answered call's row is written by the step's
 * result statement) and reports the generation to the observer. The SDK never
 * retries (maxRetries 0): every attempt is Temporal's, so every one is recorded and priced.
 */
export async function callClaude(deps: ActivityDeps, input: ClaudeCallInput, held?: HeldLlmCalls): Promise<ClaudeCallResult> {
  const [budget, customerAddress] = await Promise.all([
    input.budget ?? checkModelBudget({ defaults: deps.config.modelBudgetDefaults }, deps.db),
    // Only for the trace's pseudonymous customer id; the address itself is never exported.
    input.customerAddress !== undefined
      ? input.customerAddress
      : deps.db.conversation.findUnique({ where: { id: input.conversationId }, select: { customerAddress: true } }).then((row) => row?.customerAddress),
  ]);
  if (budget.reached) throw ApplicationFailure.nonRetryable(`Claude was not called: ${budget.reason}`, MODEL_FAILURES.budgetReached);

  const context = Context.current();
  const info = context.info;
  // Activities here always run inside a workflow; the fallback keeps the type honest.
  const execution = info.workflowExecution ?? { workflowId: input.conversationId, runId: 'standalone' };
  const startedAt = new Date();
  const heartbeat = setInterval(() => context.heartbeat(), HEARTBEAT_MS);
  let message: Anthropic.Message | undefined;
  let failure: unknown;
  try {
    message = await deps.claude.messages.create(input.request, { signal: context.cancellationSignal });
  } catch (error) {
    failure = error;
  } finally {
    clearInterval(heartbeat);
  }
  const endedAt = new Date();
  const model = message?.model ?? input.request.model;
  const usage = tokenUsageOf(message?.usage);
  const cost = computeCostUsd(model, usage, deps.config.prices);
  const traceId = traceIdFor({ workflowId: execution.workflowId, messageId: input.messageId });
  const callKey = `${execution.runId}:${info.activityId}:${info.attempt}:${input.callIndex ?? 0}`;
  const classified = failure === undefined ? undefined : classifyModelError(failure);
  const record: LlmCallRecord = {
      callKey,
      conversationId: input.conversationId,
      messageId: input.messageId,
      purpose: input.purpose,
      model,
      promptName: input.prompt.name,
      promptVersion: input.prompt.version,
      attempt: info.attempt,
      ok: failure === undefined,
      error: classified?.message,
      errorType: classified?.type,
      stopReason: message?.stop_reason ?? undefined,
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      cacheReadTokens: usage.cacheReadTokens,
      cacheWrite5mTokens: usage.cacheWrite5mTokens,
      cacheWrite1hTokens: usage.cacheWrite1hTokens,
      costUsd: cost.costUsd,
      priceEstimated: !cost.priced,
      latencyMs: endedAt.getTime() - startedAt.getTime(),
      traceId,
      workflowId: execution.workflowId,
      runId: execution.runId,
  };
  // An answered call's row waits for the step's result statement (held-llm-calls.ts); a failed one is written now.
  if (held && failure === undefined) held.hold(record);
  else await recordLlmCall(record, deps.db);
  const metrics = appMetrics();
  metrics.modelCallSeconds.observe({ model, stage: input.purpose, outcome: failure === undefined ? 'ok' : 'error' }, (endedAt.getTime() - startedAt.getTime()) / 1000);
  metrics.modelCostUsd.inc({ model, stage: input.purpose }, cost.costUsd);
  deps.observer.recordGeneration({
    traceId,
    sessionId: input.conversationId,
    name: `${input.purpose}${input.callIndex ? `-retry-${input.callIndex}` : ''}`,
    purpose: input.purpose,
    model,
    promptName: input.prompt.name,
    promptVersion: input.prompt.version,
    promptSource: input.prompt.source ?? 'code',
    customerAddress,
    tags: input.category ? [`category:${input.category}`] : [],
    input: { system: input.request.system, messages: input.request.messages },
    output: message?.content,
    usage,
    costUsd: cost.costUsd,
    startedAt,
    endedAt,
    error: classified?.message,
    attempt: info.attempt,
    metadata: {
      workflowId: execution.workflowId,
      runId: execution.runId,
      activityId: info.activityId,
      attempt: info.attempt,
      conversationId: input.conversationId,
      messageId: input.messageId,
      category: input.category,
      retry: info.attempt > 1,
      stopReason: message?.stop_reason ?? undefined,
      priceEstimated: !cost.priced,
    },
    modelParameters: { max_tokens: input.request.max_tokens },
  });
  await deps.observer.flush();
  if (failure !== undefined || !message) throw toActivityFailure(failure);
  return { message, usage, costUsd: cost.costUsd };
}
