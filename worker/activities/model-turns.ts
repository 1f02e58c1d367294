import type Anthropic from '@anthropic-ai/sdk';
import { callClaude, type ClaudeCallInput, type ClaudeCallResult } from './call-claude';
import type { ActivityDeps } from './deps';
import type { HeldLlmCalls } from './held-llm-calls';
import { verdictOf } from './model-answer';

type Request = Anthropic.MessageCreateParamsNonStreaming;

/**
 * What differs between the activities that ask Claude (classify, draft, check): the request,
 * which second chances a stop reason gets, and how an answer is accepted. A second chance
 * not given is a final answer.
 */
export interface ModelTurns<T> {
  call: Omit<ClaudeCallInput, 'request' | 'callIndex'>;
  /** Where answered calls' rows wait for the step's result write (foldingLlmCalls); absent: each written at once. */
  held?: HeldLlmCalls;
  /** Calls at most in one attempt, every second chance included. */
  maxCalls: number;
  first: Request;
  /** After a cut-off answer (max_tokens): the request with a larger budget, once. */
  larger?: () => Request;
  /** After a paused turn (pause_turn): the request started again, once. */
  restart?: () => Request;
  /** After a context overflow: a request with a shorter thread; undefined when nothing is left to cut. */
  shorter?: () => Request | undefined;
  /** Reads an answer that ended normally (possibly empty): the value, or what is wrong with it. */
  accept: (message: Anthropic.Message, empty: boolean) => { value: T } | { problems: string };
  /** After an empty or invalid answer: the corrective request, once (never the same request again). */
  correct?: (previous: Request, message: Anthropic.Message, problems: string) => Request;
}

/** How the turns ended; every call made is in `calls` (each recorded and priced by callClaude). */
export type TurnsEnd<T> = { calls: ClaudeCallResult[] } & (
  | { ok: true; value: T; message: Anthropic.Message }
  | { ok: false; why: 'refused'; detail: string; message: Anthropic.Message }
  | { ok: false; why: 'truncated' | 'paused' | 'context_exceeded'; message: Anthropic.Message }
  | { ok: false; why: 'empty' | 'invalid'; problems: string; message: Anthropic.Message }
  /** Every call allowed was made and the last one still asked for another. */
  | { ok: false; why: 'exhausted' }
);

/**
 * One loop for a model turn and its stop reasons (docs: handling stop reasons): a refusal is
 * final and never continued; a cut-off answer, a paused turn, a context overflow and an empty
 * or invalid answer each get at most the one second chance the caller gives; API errors fail
 * the activity (callClaude), where Temporal's retry policy takes over.
 */
export async function runModelTurns<T>(deps: ActivityDeps, turns: ModelTurns<T>): Promise<TurnsEnd<T>> {
  const calls: ClaudeCallResult[] = [];
  // A budget the caller read holds for its first call only: every later call checks afresh.
  const { budget, ...call } = turns.call;
  const used = { larger: false, restarted: false, corrected: false };
  let request = turns.first;
  while (calls.length < turns.maxCalls) {
    // A later call's budget check reads the stored calls: the earlier ones are written first.
    if (calls.length > 0) await turns.held?.flush(deps);
    const result = await callClaude(deps, { ...call, ...(calls.length === 0 && budget ? { budget } : {}), request, callIndex: calls.length }, turns.held);
    calls.push(result);
    const { message } = result;
    const verdict = verdictOf(message);
    if (verdict.kind === 'refused') return { calls, ok: false, why: 'refused', detail: verdict.detail, message };
    if (verdict.kind === 'truncated') {
      if (used.larger || !turns.larger) return { calls, ok: false, why: 'truncated', message };
      used.larger = true;
      request = turns.larger();
    } else if (verdict.kind === 'paused') {
      if (used.restarted || !turns.restart) return { calls, ok: false, why: 'paused', message };
      used.restarted = true;
      request = turns.restart();
    } else if (verdict.kind === 'context_exceeded') {
      const shorter = turns.shorter?.();
      if (!shorter) return { calls, ok: false, why: 'context_exceeded', message };
      request = shorter;
    } else {
      const empty = verdict.kind === 'empty';
      const accepted = turns.accept(message, empty);
      if ('value' in accepted) return { calls, ok: true, value: accepted.value, message };
      const failed = { calls, ok: false as const, why: empty ? ('empty' as const) : ('invalid' as const), problems: accepted.problems, message };
      if (used.corrected || !turns.correct) return failed;
      used.corrected = true;
      request = turns.correct(request, message, accepted.problems);
    }
  }
  return { calls, ok: false, why: 'exhausted' };
}
