import type Anthropic from '@anthropic-ai/sdk';
import type { z } from 'zod';
import type { ModelCheckFacts } from '../../lib/core/safety/grounding';
import { callClaude, type ClaudeCallInput } from './call-claude';
import type { ActivityDeps } from './deps';
import { structuredAnswer, verdictOf } from './model-answer';

export interface ModelCheckRequest<Raw, Answer> {
  call: Omit<ClaudeCallInput, 'request' | 'callIndex'>;
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
  let result = await callClaude(deps, { ...check.call, request: check.build(), callIndex: 0 });
  if (verdictOf(result.message).kind === 'truncated') {
    result = await callClaude(deps, { ...check.call, request: check.build(check.retryMaxTokens), callIndex: 1 });
  }
  const verdict = verdictOf(result.message);
  if (verdict.kind === 'refused') return { facts: { status: 'error', reason: 'Claude declined the check' } };
  if (verdict.kind !== 'usable') return { facts: { status: 'error', reason: 'its answer was cut off or empty' } };
  const parsed = check.schema.safeParse(structuredAnswer(result.message, check.tool));
  if (!parsed.success) return { facts: { status: 'error', reason: 'its answer was not in the expected form' } };
  const answer = check.read(parsed.data);
  return { facts: check.judge(answer), answer };
}
