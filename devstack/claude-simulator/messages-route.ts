// POST /v1/messages and /v1/messages/count_tokens: authentication, validation (shape, model,
// the API's semantic rules), fault injection, prompt-cache accounting, then the reply as JSON
// or as a server-sent event stream.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { resolveModel } from '../../lib/platform/llm/resolve-model';
import { errorAnswer } from './api-errors';
import { BodyTooLargeError, newRequestId, readBody, sendApiError, sendJson } from './http-io';
import { countTokensRequestSchema, describeIssue, messagesRequestSchema, type ApiErrorType, type CountTokensRequest } from './messages-api';
import { promptUnits, totalTokens } from './prompt-units';
import { modelFor, promptProblem, semanticProblem } from './request-checks';
import { assembleMessage, buildReply, detectPurpose } from './responder';
import { streamMessage } from './sse';
import type { CallPurpose, CallStatus } from './stats';
import type { SimulatorState } from './state';
import { clientGone, waitUnlessAborted } from './waiting';

function hasCredentials(req: IncomingMessage): boolean {
  const apiKey = req.headers['x-api-key'];
  const authorization = req.headers.authorization ?? '';
  return (typeof apiKey === 'string' && apiKey.trim() !== '') || /^Bearer\s+\S+/i.test(authorization);
}

type Failure = { ok: false; status: number; type: ApiErrorType; message: string };
type Parsed<T> = { ok: true; value: T } | Failure;

const fail = (status: number, type: ApiErrorType, message: string): Failure => ({ ok: false, status, type, message });

/** Header, body and schema checks shared by both endpoints, in the order the API applies them. */
async function parseRequest<T extends z.ZodType<CountTokensRequest>>(
  req: IncomingMessage,
  schema: T,
  check: (value: z.infer<T>) => Failure | null,
): Promise<Parsed<z.infer<T>>> {
  if (!hasCredentials(req)) return fail(401, 'authentication_error', 'x-api-key header is required');
  if (!req.headers['anthropic-version']) return fail(400, 'invalid_request_error', 'anthropic-version: header is required');
  let raw: string;
  try {
    raw = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return fail(413, 'request_too_large', error.message);
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return fail(400, 'invalid_request_error', 'There was an error parsing the body as JSON.');
  }
  const result = schema.safeParse(json);
  if (!result.success) return fail(400, 'invalid_request_error', describeIssue(result.error));
  return check(result.data) ?? { ok: true, value: result.data };
}

const asFailure = (problem: { status: number; type: ApiErrorType; message: string } | null): Failure | null =>
  problem ? fail(problem.status, problem.type, problem.message) : null;

export async function handleMessages(req: IncomingMessage, res: ServerResponse, state: SimulatorState): Promise<void> {
  const requestId = newRequestId();
  const at = new Date().toISOString();
  const gone = clientGone(res);
  const record = (purpose: CallPurpose, model: string | null, status: CallStatus): void =>
    state.stats.record({ at, purpose, model, status });

  const parsed = await parseRequest(req, messagesRequestSchema, (request) => {
    const found = modelFor(request);
    return asFailure('problem' in found ? found.problem : semanticProblem(request, found.model));
  });
  if (!parsed.ok) {
    record('unknown', null, parsed.status);
    sendApiError(res, parsed.status, parsed.type, parsed.message, requestId, { 'x-should-retry': 'false' });
    return;
  }
  const request = parsed.value;
  const model = resolveModel(request.model);
  const info = detectPurpose(request);
  state.stats.received(info.purpose);
  const decision = state.faults.next(info.purpose);
  const config = state.faults.config();

  if (decision.error === 'timeout') {
    // Never answer: hold the socket until the client gives up, then drop it like a dead upstream.
    record(info.purpose, request.model, 'timeout');
    await waitUnlessAborted(config.timeoutMs, [gone, state.shutdown]);
    res.destroy();
    return;
  }
  if (!(await waitUnlessAborted(config.latencyMs, [gone, state.shutdown]))) {
    res.destroy();
    return;
  }
  if (decision.error) {
    const answer = errorAnswer(decision.error, request.model);
    record(info.purpose, request.model, answer.status);
    sendApiError(res, answer.status, answer.type, answer.message, requestId, answer.headers, answer.details);
    return;
  }

  const units = promptUnits(request);
  const prompt = totalTokens(units);
  const cache = state.cache.apply(request.model, model.cacheMinTokens, units);
  const answer = buildReply(request, info, decision.answer, prompt, model.contextWindow, config.fooled, state.fooledDrafts);
  const message = assembleMessage(request, answer, prompt, cache);
  state.stats.recordStop(message.stop_reason);
  record(info.purpose, request.model, 200);
  if (request.stream) streamMessage(res, message, requestId);
  else sendJson(res, 200, message, { 'request-id': requestId });
}

export async function handleCountTokens(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = newRequestId();
  const parsed = await parseRequest(req, countTokensRequestSchema, (request) => {
    const found = modelFor(request);
    return asFailure('problem' in found ? found.problem : promptProblem(request, found.model));
  });
  if (!parsed.ok) {
    sendApiError(res, parsed.status, parsed.type, parsed.message, requestId, { 'x-should-retry': 'false' });
    return;
  }
  sendJson(res, 200, { input_tokens: totalTokens(promptUnits(parsed.value)) }, { 'request-id': requestId });
}
