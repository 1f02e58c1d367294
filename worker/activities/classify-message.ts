import type Anthropic from '@anthropic-ai/sdk';
import { MODEL_FAILURES, needsPersonReason, type ModelFailureType } from '../../lib/core/failures';
import { CLASSIFICATION_TOOL, classificationSchema, type Classification } from '../../lib/features/prompts/classification';
import {
  buildClassifyRequest,
  buildCorrectiveClassifyRequest,
  CLASSIFY_RETRY_MAX_TOKENS,
  CLASSIFY_TEMPLATE,
} from '../../lib/features/prompts/classify-prompt';
import { codePromptSource } from '../../lib/features/prompts/prompt-source';
import { fitThread, shortenThread, type ThreadEntry } from '../../lib/features/prompts/thread';
import { recordClassification } from '../../lib/features/conversations/mirror/record-classification';
import { resolveModel } from '../../lib/platform/llm/resolve-model';
import { promptTokens } from '../../lib/platform/llm/pricing';
import type { ClaudeCallResult } from './call-claude';
import type { ConversationSearchFacts } from '../../lib/core/conversation/search-attributes';
import type { ActivityDeps } from './deps';
import { foldingLlmCalls, type HeldLlmCalls } from './held-llm-calls';
import { readClassifyInputs } from './read-classify-inputs';
import { answerText, refusalCategory } from './model-answer';
import { runModelTurns, type TurnsEnd } from './model-turns';
import { reportTicketOpened } from './report-ticket';

export interface ClassifyMessageInput {
  conversationId: string;
  messageId: string;
  /**
   * Runs with the folded-writes patch: a usable classification's write also moves the status
   * from classifying to drafting (the workflow's next mirror write, folded in) and returns the
   * search facts that write returned.
   */
  drafting?: true;
}

export type ClassifyMessageResult =
  | {
      ok: true;
      category: string;
      priority: string;
      riskScore: number;
      confidence: number;
      requiresHuman: boolean;
      injectionSuspected: boolean;
      /** Set when the status moved to drafting with the classification (`drafting`): what the workflow indexes. */
      drafting?: ConversationSearchFacts;
      // No summary: it paraphrases (often quotes) the mail, and a result lands in Temporal's
      // history. It is stored with the classification (recordClassification) for the dashboard.
    }
  /** No usable classification; `failureType` (lib/core/failures.ts) says why. Never auto-sent. */
  | { ok: false; error: string; failureType?: ModelFailureType };

/** At most this many calls per attempt: a larger budget, a fresh start, a shorter thread, a correction. */
const MAX_CALLS = 4;
/** Room kept for the instructions, examples and the answer when fitting a thread. */
const PROMPT_OVERHEAD_TOKENS = 12_000;

function answerOf(message: Anthropic.Message): unknown {
  const block = message.content.find((part) => part.type === 'tool_use' && part.name === CLASSIFICATION_TOOL);
  if (block?.type === 'tool_use') return block.input;
  const text = answerText(message);
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Classifies the newest customer message, following the stop reason of every answer: a
 * refusal ends it (never continued); max_tokens is retried once with a larger budget; a paused
 * turn once from the start; a context overflow with half the thread; an empty or invalid
 * answer gets one corrective retry in the documented shape (every tool_use answered by a
 * tool_result first, no empty turns). What cannot be used comes back as a failed
 * classification with its failure type, which the workflow hands to a person.
 */
export function createClassifyMessage(deps: ActivityDeps) {
  return async function classifyMessage(input: ClassifyMessageInput): Promise<ClassifyMessageResult> {
    // The calls' rows are written with the classification (one statement), or on their own when it fails.
    return foldingLlmCalls(deps, (held) => classifyHolding(deps, input, held));
  };
}

async function classifyHolding(deps: ActivityDeps, input: ClassifyMessageInput, held: HeldLlmCalls): Promise<ClassifyMessageResult> {
  const { config } = deps;
  // The message's trace starts as a ticket showing the customer's mail; its outcome comes later.
  await reportTicketOpened(deps, input);
  const prompt = await (deps.prompts ?? codePromptSource).resolve(CLASSIFY_TEMPLATE);
  const schema = classificationSchema(config.categories);
  const { thread: fullThread, customerAddress, budget } = await readClassifyInputs({ ...input, budgetDefaults: config.modelBudgetDefaults }, deps.db);
  const window = resolveModel(config.classifyModel).contextWindow;
  let shape = fitThread(fullThread, window - PROMPT_OVERHEAD_TOKENS);
  let maxTokens: number | undefined;
  const build = (thread: { thread: ThreadEntry[]; omitted?: typeof shape.omitted }) =>
    buildClassifyRequest({
      model: config.classifyModel,
      categories: config.categories,
      thread: thread.thread,
      omitted: thread.omitted,
      maxTokens,
      cacheTtl: config.cacheTtl,
      template: prompt.text,
    });
  const call = {
    conversationId: input.conversationId,
    messageId: input.messageId,
    purpose: 'classify' as const,
    customerAddress,
    budget,
    prompt: { name: prompt.name, version: prompt.version, source: prompt.source },
  };

  const turns = await runModelTurns<Classification>(deps, {
    call,
    held,
    maxCalls: MAX_CALLS,
    first: build(shape),
    larger: () => {
      maxTokens = CLASSIFY_RETRY_MAX_TOKENS;
      return build(shape);
    },
    restart: () => build(shape),
    shorter: () => {
      if (shape.thread.length <= 1) return undefined;
      shape = shortenThread(fullThread, Math.floor(shape.thread.length / 2));
      return build(shape);
    },
    accept: (message, empty) => {
      if (empty) return { problems: 'the answer was empty' };
      const parsed = schema.safeParse(answerOf(message));
      if (parsed.success) return { value: parsed.data };
      return { problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`).join('\n') };
    },
    correct: (previous, message, problems) => buildCorrectiveClassifyRequest(previous, message, problems),
  });
  const { calls } = turns;
  const outcome = turns.ok ? { data: turns.value } : failureOf(turns);

  const result: ClassifyMessageResult =
    'data' in outcome
      ? toResult(outcome.data)
      : { ok: false, error: needsPersonReason(outcome.failureType, outcome.carried), failureType: outcome.failureType };
  const sum = (pick: (one: ClaudeCallResult) => number) => calls.reduce((total, one) => total + pick(one), 0);
  const drafting = await held.writeWith((llmCalls) =>
    recordClassification(
      {
        conversationId: input.conversationId,
        messageId: input.messageId,
        // The store keeps the whole reason; the workflow got the part without Claude's words.
        error: 'data' in outcome ? undefined : needsPersonReason(outcome.failureType, outcome.detail),
        data: 'data' in outcome ? outcome.data : undefined,
        model: calls.at(-1)?.message.model ?? config.classifyModel,
        inputTokens: sum((one) => promptTokens(one.usage)),
        outputTokens: sum((one) => one.usage.outputTokens),
        costUsd: sum((one) => one.costUsd),
      },
      deps.db,
      llmCalls,
      { drafting: input.drafting },
    ),
  );
  return drafting && result.ok ? { ...result, drafting } : result;
}

/**
 * Why no classification came back, in the words a person reads in Needs a person: `detail` in
 * full for the store, `carried` for the workflow (no refusal explanation or quote of Claude's
 * invalid answer, which may repeat the email).
 */
function failureOf(end: Exclude<TurnsEnd<Classification>, { ok: true }>): { failureType: ModelFailureType; detail: string; carried: string } {
  const same = (failureType: ModelFailureType, detail: string) => ({ failureType, detail, carried: detail });
  switch (end.why) {
    case 'refused':
      return {
        failureType: MODEL_FAILURES.refused,
        detail: `Claude declined to classify this email (${end.detail})`,
        carried: `Claude declined to classify this email (${refusalCategory(end.message)})`,
      };
    case 'truncated':
      return same(MODEL_FAILURES.truncated, `the classification was cut off at ${CLASSIFY_RETRY_MAX_TOKENS} tokens, even after a retry with the larger budget`);
    case 'paused':
      return same(MODEL_FAILURES.paused, 'the turn paused twice');
    case 'context_exceeded':
      return same(MODEL_FAILURES.contextExceeded, 'even the newest message alone does not fit');
    case 'empty':
      return same(MODEL_FAILURES.empty, 'Claude returned no classification twice');
    case 'invalid':
      return {
        failureType: MODEL_FAILURES.invalidOutput,
        detail: `the classification was invalid twice (${end.problems.split('\n')[0] ?? ''})`,
        carried: 'the classification was invalid twice',
      };
    case 'exhausted':
      return same(MODEL_FAILURES.invalidOutput, `no usable classification after ${MAX_CALLS} calls`);
  }
}

function toResult(data: Classification): ClassifyMessageResult {
  return {
    ok: true,
    category: data.category,
    priority: data.priority,
    riskScore: data.risk_score,
    confidence: data.confidence,
    requiresHuman: data.requires_human,
    injectionSuspected: data.injection_suspected,
  };
}
