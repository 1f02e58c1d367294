import type Anthropic from '@anthropic-ai/sdk';
import { CLASSIFICATION_TOOL, classificationSchema, type Classification } from '../../lib/features/prompts/classification';
import { buildClassifyRequest, CLASSIFY_PROMPT } from '../../lib/features/prompts/classify-prompt';
import { recordClassification } from '../../lib/features/conversations/mirror/record-classification';
import { callClaude, type ClaudeCallResult } from './call-claude';
import type { ActivityDeps } from './deps';
import { loadThread } from './load-thread';

export interface ClassifyMessageInput {
  conversationId: string;
  messageId: string;
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
      summary: string;
    }
  | { ok: false; error: string };

function toolInput(message: Anthropic.Message): unknown {
  const block = message.content.find((part) => part.type === 'tool_use' && part.name === CLASSIFICATION_TOOL);
  return block?.type === 'tool_use' ? block.input : undefined;
}

/**
 * Classifies the newest customer message. Invalid structured output gets one corrective
 * retry (the validation errors go back as a tool_result); a second failure is returned as
 * a failed classification, which the workflow routes to a person.
 */
export function createClassifyMessage(deps: ActivityDeps) {
  return async function classifyMessage(input: ClassifyMessageInput): Promise<ClassifyMessageResult> {
    const schema = classificationSchema(deps.config.categories);
    const thread = await loadThread(deps.db, input.conversationId, input.messageId);
    const request = buildClassifyRequest({ model: deps.config.classifyModel, categories: deps.config.categories, thread });
    const call = { conversationId: input.conversationId, messageId: input.messageId, purpose: 'classify' as const, prompt: CLASSIFY_PROMPT };

    const first = await callClaude(deps, { ...call, request });
    const calls = [first];
    let parsed = schema.safeParse(toolInput(first.message));
    if (!parsed.success) {
      const toolUse = first.message.content.find((part) => part.type === 'tool_use');
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`).join('\n');
      const corrective: Anthropic.MessageCreateParamsNonStreaming = {
        ...request,
        messages: [
          ...request.messages,
          { role: 'assistant', content: first.message.content },
          {
            role: 'user',
            content: toolUse
              ? [{ type: 'tool_result', tool_use_id: toolUse.id, is_error: true, content: `Invalid input:\n${problems}\nCall the tool again with valid input.` }]
              : `You did not call ${CLASSIFICATION_TOOL}. Call it with valid input.`,
          },
        ],
      };
      const second = await callClaude(deps, { ...call, request: corrective, callIndex: 1 });
      calls.push(second);
      parsed = schema.safeParse(toolInput(second.message));
    }
    const result: ClassifyMessageResult = parsed.success
      ? toResult(parsed.data)
      : { ok: false, error: `The model returned an invalid classification twice: ${parsed.error.issues[0]?.message ?? 'unknown'}` };
    const sum = (pick: (call: ClaudeCallResult) => number) => calls.reduce((total, call) => total + pick(call), 0);
    await recordClassification(
      {
        conversationId: input.conversationId,
        messageId: input.messageId,
        error: result.ok ? undefined : result.error,
        data: parsed.success ? parsed.data : undefined,
        model: calls.at(-1)?.message.model ?? deps.config.classifyModel,
        inputTokens: sum((call) => call.usage.inputTokens + call.usage.cacheReadTokens + call.usage.cacheWrite5mTokens + call.usage.cacheWrite1hTokens),
        outputTokens: sum((call) => call.usage.outputTokens),
        costUsd: sum((call) => call.costUsd),
      },
      deps.db,
    );
    return result;
  };
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
    summary: data.summary,
  };
}
