import { env, type Env } from '../../../../platform/config/env';
import { getDb } from '../../../../platform/db';
import { getTemporalClient } from '../../../../platform/temporal/client';
import { acceptInbound, type AcceptInboundDeps } from '../../accept-inbound';
import { inboundJsonSchema, type InboundEmail } from '../../inbound-email';
import { normalizeJson } from '../../normalize';
import { parseRawEmail } from '../../parse-raw';
import { BodyTooLargeError, readLimitedBody } from './read-limited-body';
import { verifySenderSystem } from './verify-sender-system';

type IntakeConfig = Pick<Env, 'INBOUND_SECRET' | 'INBOUND_MAX_BYTES' | 'TEMPORAL_TASK_QUEUE'>;

function json(status: number, body: unknown): Response {
  return Response.json(body, { status });
}

/** POST /api/inbound: authenticate the sending system, parse, store, deliver, answer 202. */
type IntakeDeps = AcceptInboundDeps & { config: IntakeConfig };

/** This process's database, Temporal client and configuration. */
function processDeps(): IntakeDeps {
  return { db: getDb(), getClient: getTemporalClient, config: env() };
}

export async function handleInboundRequest(request: Request, deps: IntakeDeps = processDeps()): Promise<Response> {
  const secret = deps.config.INBOUND_SECRET;
  if (!secret) return json(503, { error: 'intake_disabled', message: 'INBOUND_SECRET is not configured' });
  let body: { text: string; bytes: number };
  try {
    body = await readLimitedBody(request, deps.config.INBOUND_MAX_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return json(413, { error: 'too_large', message: error.message });
    throw error;
  }
  const authError = verifySenderSystem(request.headers, body.text, secret);
  if (authError) return json(401, { error: 'unauthorized', message: authError });

  const contentType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  let email: InboundEmail;
  if (contentType === 'message/rfc822') {
    if (body.text.trim().length === 0) return json(400, { error: 'invalid_email', message: 'empty message/rfc822 body' });
    email = await parseRawEmail(body.text, body.bytes);
  } else if (contentType === 'application/json') {
    let data: unknown;
    try {
      data = JSON.parse(body.text);
    } catch {
      return json(400, { error: 'invalid_json', message: 'the body is not valid JSON' });
    }
    const parsed = inboundJsonSchema.safeParse(data);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
      return json(400, { error: 'invalid_email', message: issues.join('; '), issues });
    }
    email = normalizeJson(parsed.data, body.bytes);
  } else {
    return json(415, { error: 'unsupported_media_type', message: 'send application/json or message/rfc822' });
  }
  const result = await acceptInbound(deps, email);
  return json(202, result);
}
