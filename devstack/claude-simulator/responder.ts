// Builds the assistant message for a valid request. A forced tool call or a structured-output
// format means classification (one tool_use block, or JSON text); anything else is drafting or
// revising (one text block). Answer faults turn it into what the API sometimes returns instead:
// a refusal with stop_details, a cut-off or paused turn, an empty answer.
import { createHash, randomBytes } from 'node:crypto';
import { checkDraft, fooledCheck } from './draft-check';
import type { FooledDrafts } from './fooled-drafts';
import { checkGrounding, fooledGrounding } from './grounding-check';
import { isSelectionRequest, selectAnswers } from './answer-selector';
import { writeDraft } from './draft-writer';
import { gradeCandidate, gradeInput, isGradingRequest } from './grader';
import type { AnswerFault, Fooled } from './faults';
import { analyzeEmail, emailText, fooledAnalysis } from './heuristics';
import type { MessagesRequest, ResponseContentBlock, SimMessage, StopDetails, StopReason, ToolDefinition } from './messages-api';
import type { CacheUsage } from './prompt-cache';
import { readPrompt } from './prompt-reader';
import { buildToolInput, fillSchema, malformToolInput } from './tool-input';
import { estimateTokens } from './tokens';

export type Purpose = 'classify' | 'draft' | 'verify' | 'ground' | 'select' | 'grade';

export interface PurposeInfo {
  purpose: Purpose;
  tool: ToolDefinition | null;
  /** A structured-output schema (output_config.format): the answer is JSON text. */
  schema: Record<string, unknown> | null;
}

/**
 * A structured answer about a <draft_reply> is a check of that draft: with the email shown, the
 * check that reads it; without, the check that never does. Any other one classifies the email.
 */
function structuredPurpose(request: MessagesRequest): 'classify' | 'verify' | 'ground' | 'select' {
  if (isSelectionRequest(request)) return 'select';
  const view = readPrompt(request);
  if (view.draftReply === null) return 'classify';
  return view.hasEmail ? 'verify' : 'ground';
}

export function detectPurpose(request: MessagesRequest): PurposeInfo {
  const choice = request.tool_choice;
  const tools = request.tools ?? [];
  const schema = request.output_config?.format?.schema ?? null;
  // An evaluation's grading request: answered in the forced tool (or schema) like a classification.
  if (isGradingRequest(request) && (choice?.type === 'tool' || choice?.type === 'any' || schema)) {
    const tool = choice?.type === 'tool' ? (tools.find((entry) => entry.name === choice.name) ?? null) : choice?.type === 'any' ? (tools[0] ?? null) : null;
    return { purpose: 'grade', tool, schema };
  }
  if (choice?.type === 'tool') {
    return { purpose: structuredPurpose(request), tool: tools.find((tool) => tool.name === choice.name) ?? null, schema };
  }
  // `any` forces *some* tool call; with the simulator's single-minded heuristics that is the first one.
  if (choice?.type === 'any' && tools[0]) return { purpose: structuredPurpose(request), tool: tools[0], schema };
  if (schema) return { purpose: structuredPurpose(request), tool: null, schema };
  return { purpose: 'draft', tool: null, schema: null };
}

/** Same request, same ids: keeps whole `content` arrays comparable across identical calls. */
function requestDigest(request: MessagesRequest): string {
  const meaningful = { ...request, stream: undefined, metadata: undefined };
  return createHash('sha256').update(JSON.stringify(meaningful)).digest('hex');
}

export interface Reply {
  content: ResponseContentBlock[];
  stopReason: StopReason;
  stopDetails: StopDetails | null;
  outputTokens: number;
}

/** The id the invented_citation fault cites: shaped like a real one, given in no prompt. */
export const INVENTED_CITATION = '[[cite:goodwill-refunds@v1#1]]';

const REFUSAL: StopDetails = {
  type: 'refusal',
  category: 'general_harms',
  explanation: 'This request was declined because it could facilitate harm (simulated).',
};

const reply = (content: ResponseContentBlock[], stopReason: StopReason, outputTokens: number, stopDetails: StopDetails | null = null): Reply => ({
  content,
  stopReason,
  stopDetails,
  outputTokens,
});

/** A structured answer as the request asks for it: one forced tool call, or JSON text. */
function structured(request: MessagesRequest, info: PurposeInfo, input: Record<string, unknown>): ResponseContentBlock[] {
  if (info.tool) return [{ type: 'tool_use', id: toolUseId(request, 0), name: info.tool.name, input }];
  return [{ type: 'text', text: JSON.stringify(input) }];
}

/** The full answer the model would give with room enough. */
function naturalAnswer(request: MessagesRequest, info: PurposeInfo, malformed: boolean, fooled: Fooled, fooledDrafts?: FooledDrafts): ResponseContentBlock[] {
  const view = readPrompt(request);
  const schema = info.tool?.input_schema ?? info.schema ?? {};
  switch (info.purpose) {
    case 'grade': {
      const valid = gradeInput(schema, gradeCandidate(request));
      // A confused grader: a score of the wrong type and a list missing.
      return structured(request, info, malformed ? { ...valid, grounding: 'good', unsupported_claims: undefined } : valid);
    }
    case 'classify': {
      const honest = analyzeEmail(view.email);
      const analysis = fooled.classifier ? fooledAnalysis(honest) : honest;
      const valid = buildToolInput(schema, analysis, emailText(view.email));
      return structured(request, info, malformed ? malformToolInput(valid) : valid);
    }
    case 'verify': {
      const check = fooled.verifier ? fooledCheck() : checkDraft(view, view.draftReply ?? '');
      const valid = fillSchema(schema, { ...check });
      // Broken the way a confused model breaks it: a boolean as prose, a required field missing.
      return structured(request, info, malformed ? { ...valid, facts_supported: 'mostly', notes: undefined } : valid);
    }
    case 'select': {
      const valid = fillSchema(schema, selectAnswers(request, view));
      return structured(request, info, malformed ? { ...valid, none_fits: 'maybe' } : valid);
    }
    case 'ground': {
      const check = fooled.grounder ? fooledGrounding(view) : checkGrounding(view, view.draftReply ?? '');
      const valid = fillSchema(schema, { ...check });
      return structured(request, info, malformed ? { ...valid, all_supported: 'yes', notes: undefined } : valid);
    }
    case 'draft': {
      // A fully fooled drafter writes what the email asked for (registered by the test).
      const scripted = fooled.drafter && !view.revisionInstructions ? (fooledDrafts?.draftFor(`${view.email.subject ?? ''}\n${view.email.body}`) ?? null) : null;
      return [{ type: 'text', text: malformed ? '' : (scripted ?? writeDraft(view)) }];
    }
  }
}

function blockTokens(block: ResponseContentBlock): number {
  return estimateTokens(block.type === 'text' ? block.text : JSON.stringify(block.input));
}

/** What reaches the caller when generation stops after `limit` tokens. */
function cutOff(content: ResponseContentBlock[], limit: number): ResponseContentBlock[] {
  return content.map((block) =>
    // A tool call cut mid-JSON arrives with an unusable input; text arrives cut mid-sentence.
    block.type === 'tool_use' ? { ...block, input: {} } : { ...block, text: block.text.slice(0, Math.max(0, limit * 4)) },
  );
}

function faultyAnswer(fault: AnswerFault, request: MessagesRequest, info: PurposeInfo, natural: ResponseContentBlock[]): Reply | null {
  const total = natural.reduce((sum, block) => sum + blockTokens(block), 0);
  switch (fault) {
    case 'refusal':
      // Whatever was generated before the classifier intervened: a few words of a draft, nothing of a tool call.
      return info.purpose === 'draft'
        ? reply([{ type: 'text', text: 'Hello..' }], 'refusal', 3, REFUSAL)
        : reply([], 'refusal', 2, REFUSAL);
    case 'max_tokens':
      return reply(cutOff(natural, Math.floor(total / 3)), 'max_tokens', request.max_tokens);
    case 'context_window_exceeded':
      return reply(cutOff(natural, Math.floor(total / 3)), 'model_context_window_exceeded', Math.floor(total / 3));
    case 'empty':
      // "Sometimes Claude returns an empty response (exactly 2-3 tokens with no content)".
      return reply([], 'end_turn', 3);
    case 'pause_turn':
      return reply([], 'pause_turn', 2);
    case 'parallel_tool_use': {
      const first = natural[0];
      if (first?.type !== 'tool_use' || request.tool_choice?.type === 'none' || hasParallelDisabled(request)) return null;
      return reply([first, { ...first, id: toolUseId(request, 1) }], 'tool_use', total * 2);
    }
    case 'malformed':
      return null;
    case 'invented_citation': {
      const first = natural[0];
      if (info.purpose !== 'draft' || first?.type !== 'text') return null;
      const text = first.text.replace(/\n\n/, ` ${INVENTED_CITATION}\n\n`);
      return reply([{ type: 'text', text }], 'end_turn', estimateTokens(text));
    }
  }
}

function hasParallelDisabled(request: MessagesRequest): boolean {
  const choice = request.tool_choice;
  return choice !== undefined && choice.type !== 'none' && choice.disable_parallel_tool_use === true;
}

/**
 * The reply, after the limits: `max_tokens` cuts the answer (a tool call arrives unusable),
 * and on models with a finite window the prompt plus the answer must fit in it.
 */
export function buildReply(
  request: MessagesRequest,
  info: PurposeInfo,
  fault: AnswerFault | null,
  promptTokens: number,
  contextWindow: number,
  fooled: Fooled = {},
  fooledDrafts?: FooledDrafts,
): Reply {
  if (request.max_tokens === 0) return reply([], 'max_tokens', 0); // cache pre-warm
  const natural = naturalAnswer(request, info, fault === 'malformed', fooled, fooledDrafts);
  const faulty = fault ? faultyAnswer(fault, request, info, natural) : null;
  if (faulty) return faulty;
  const outputTokens = natural.reduce((sum, block) => sum + blockTokens(block), 0);
  const room = contextWindow - promptTokens;
  if (outputTokens > room && room < request.max_tokens) {
    return reply(cutOff(natural, room), 'model_context_window_exceeded', room);
  }
  if (outputTokens > request.max_tokens) return reply(cutOff(natural, request.max_tokens), 'max_tokens', request.max_tokens);
  return reply(natural, info.tool ? 'tool_use' : 'end_turn', outputTokens);
}

function toolUseId(request: MessagesRequest, index: number): string {
  return `toolu_sim_${requestDigest(request).slice(0, 22)}${index}`;
}

export function assembleMessage(request: MessagesRequest, answer: Reply, inputTotal: number, cache: CacheUsage): SimMessage {
  return {
    id: `msg_sim_${randomBytes(12).toString('hex')}`,
    type: 'message',
    role: 'assistant',
    model: request.model,
    content: answer.content,
    stop_reason: answer.stopReason,
    stop_sequence: null,
    stop_details: answer.stopDetails,
    usage: {
      // As the API reports it: total prompt = input_tokens + cache_creation + cache_read.
      input_tokens: inputTotal - cache.cacheCreation - cache.cacheRead,
      output_tokens: answer.outputTokens,
      cache_creation_input_tokens: cache.cacheCreation,
      cache_read_input_tokens: cache.cacheRead,
      cache_creation: { ephemeral_5m_input_tokens: cache.creation5m, ephemeral_1h_input_tokens: cache.creation1h },
      service_tier: 'standard',
    },
  };
}
