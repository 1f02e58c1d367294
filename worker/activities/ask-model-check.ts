import type Anthropic from '@anthropic-ai/sdk';
import type { z } from 'zod';
import type { ModelCheckFacts } from '../../lib/core/safety/grounding';
import type { ClaudeCallInput } from './call-claude';
import type { ActivityDeps } from './deps';
import type { HeldLlmCalls } from './held-llm-calls';
import { structuredAnswer } from './model-answer';
import { runModelTurns } from './model-turns';

export interface ModelCheckRequest<Raw, Answer> {
  call: Omit<ClaudeCallInput, 'request' | 'callIndex'>;
  /** Where the calls' rows wait for the verdict's write (foldingLlmCalls). */
  held?: HeldLlmCalls;
  /** The request, with a larger answer budget for the one retry after a cut-off answer. */
  build: (maxTokens?: number) => Anthropic.MessageCreateParamsNonStreaming;
  retryMaxTokens: number;
  tool: string;
  schema: z.ZodType<Raw>;
  read: (raw: Raw) => Answer;
  judge: (answer: Answer) => ModelCheckFacts;
}

/**
 * One model check of a draft, the turn written once: a cut-off answer is asked again once with
 * a larger budget; anything but a valid answer is a "no" with a plain reason (a refusal is
 * final). API errors fail the activity, which the workflow counts as a "no" too.
 */
export async function askModelCheck<Raw, Answer>(deps: ActivityDeps, check: ModelCheckRequest<Raw, Answer>): Promise<{ facts: ModelCheckFacts; answer?: Answer }> {
  const turns = await runModelTurns<Raw>(deps, {
    call: check.call,
    ...(check.held ? { held: check.held } : {}),
    maxCalls: 2,
    first: check.build(),
    larger: () => check.build(check.retryMaxTokens),
    accept: (message, empty) => {
      if (empty) return { problems: 'empty' };
      const parsed = check.schema.safeParse(structuredAnswer(message, check.tool));
      return parsed.success ? { value: parsed.data } : { problems: 'invalid' };
    },
  });
  if (!turns.ok && turns.why === 'refused') return { facts: { status: 'error', reason: 'Claude declined the check' } };
  if (!turns.ok && turns.why === 'invalid') return { facts: { status: 'error', reason: 'its answer was not in the expected form' } };
  if (!turns.ok) return { facts: { status: 'error', reason: 'its answer was cut off or empty' } };
  const answer = check.read(turns.value);
  return { facts: check.judge(answer), answer };
}
