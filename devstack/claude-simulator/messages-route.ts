// POST /v1/messages and /v1/messages/count_tokens: authentication, validation, fault injection,
// prompt-cache accounting, then the reply as JSON or as a server-sent event stream.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { ErrorKind } from './faults';
import { BodyTooLargeError, newRequestId, rateLimitHeaders, readBody, sendApiError, sendJson } from './http-io';
import {
  countTokensRequestSchema,
  describeIssue,
  messagesRequestSchema,
  type ApiErrorType,
  type CountTokensRequest,
} from './messages-api';
import { promptUnits, totalTokens } from './prompt-units';
import { semanticProblem } from './request-checks';
import { assembleMessage, buildReply, detectPurpose } from './responder';
import { streamMessage } from './sse';
import type { CallPurpose, CallStatus } from './stats';
import type { SimulatorState } from './state';
import { clientGone, waitUnlessAborted } from './waiting';

const FAULT_ERRORS: Record<Exclude<ErrorKind, 'timeout'>, { status: number; type: ApiErrorType; message: string }> = {
  '429': {
    status: 429,
    type: 'rate_limit_error',
    message: 'Number of request tokens has exceeded your per-minute rate limit (simulated).',
  },
  '529': { status: 529, type: 'overloaded_error', message: 'Overloaded (simulated).' },
  '500': { status: 500, type: 'api_error', message: 'Internal server error (simulated).' },
};

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
  const problem = semanticProblem(result.data);
  if (problem) return fail(400, 'invalid_request_error', problem);
  return { ok: true, value: result.data };
}

export async function handleMessages(req: IncomingMessage, res: ServerResponse, state: SimulatorState): Promise<void> {
  const requestId = newRequestId();
  const at = new Date().toISOString();
  const gone = clientGone(res);
  const record = (purpose: CallPurpose, model: string | null, status: CallStatus): void =>
    state.stats.record({ at, purpose, model, status });

  const parsed = await parseRequest(req, messagesRequestSchema);
  if (!parsed.ok) {
    record('unknown', null, parsed.status);
    sendApiError(res, parsed.status, parsed.type, parsed.message, requestId);
    return;
  }
  const request = parsed.value;
  const info = detectPurpose(request);
  state.stats.received(info.purpose);
  const decision = state.faults.next();
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
    const fault = FAULT_ERRORS[decision.error];
    const headers = decision.error === '429' ? rateLimitHeaders(new Date(), 1) : {};
    record(info.purpose, request.model, fault.status);
    sendApiError(res, fault.status, fault.type, fault.message, requestId, { ...headers, 'x-should-retry': 'true' });
    return;
  }

  const units = promptUnits(request);
  const cache = state.cache.apply(request.model, units);
  const message = assembleMessage(request, buildReply(request, info, decision.malformed), totalTokens(units), cache);
  record(info.purpose, request.model, 200);
  if (request.stream) streamMessage(res, message, requestId);
  else sendJson(res, 200, message, { 'request-id': requestId });
}

export async function handleCountTokens(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = newRequestId();
  const parsed = await parseRequest(req, countTokensRequestSchema);
  if (!parsed.ok) {
    sendApiError(res, parsed.status, parsed.type, parsed.message, requestId);
    return;
  }
  sendJson(res, 200, { input_tokens: totalTokens(promptUnits(parsed.value)) }, { 'request-id': requestId });
}
