import { env, type Env } from '../../../../platform/config/env';
import { getDb } from '../../../../platform/db';
import { processHandOff } from '../../hand-off';
import { getTemporalClient } from '../../../../platform/temporal/shared-client';
import { acceptInbound, type AcceptInboundDeps } from '../../accept-inbound';
import { inboundJsonSchema, type InboundEmail } from '../../inbound-email';
import { normalizeJson } from '../../normalize';
import { parseRawEmail } from '../../parse-raw';
import { BodyTooLargeError, readLimitedBody } from './read-limited-body';
import { checkSenderCredentials } from './verify-sender-system';

type IntakeConfig = Pick<Env, 'INBOUND_SECRET' | 'INBOUND_MAX_BYTES' | 'TEMPORAL_TASK_QUEUE'>;

/** POST /api/inbound: authenticate the sending system, parse, store, answer 202, then deliver. */
type IntakeDeps = AcceptInboundDeps & { config: IntakeConfig };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function json(status: number, body: unknown): Response {
  return Response.json(body, { status });
}

/** This process's database, Temporal client, configuration and hand-off (signals after the answer). */
function processDeps(): IntakeDeps {
  return { db: getDb(), getClient: getTemporalClient, config: env(), handOff: processHandOff() };
}

export async function handleInboundRequest(request: Request, deps: IntakeDeps = processDeps()): Promise<Response> {
  const secret = deps.config.INBOUND_SECRET;
  if (!secret) return json(503, { error: 'intake_disabled', message: 'INBOUND_SECRET is not configured' });
  // Credentials first: a stranger's body is never read, however large it claims to be.
  const credentials = checkSenderCredentials(request.headers, secret);
  if (credentials.kind === 'refused') {
    await request.body?.cancel().catch(() => undefined);
    return json(401, { error: 'unauthorized', message: credentials.reason });
  }
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readLimitedBody(request, deps.config.INBOUND_MAX_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return json(413, { error: 'too_large', message: error.message });
    throw error;
  }
  // The signature covers the bytes exactly as sent, before any decoding.
  if (credentials.kind === 'signed' && !credentials.verify(body)) return json(401, { error: 'unauthorized', message: 'invalid signature' });

  const contentType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  let email: InboundEmail;
  if (contentType === 'message/rfc822') {
    if (body.byteLength === 0) return json(400, { error: 'invalid_email', message: 'empty message/rfc822 body' });
    email = await parseRawEmail(body);
  } else if (contentType === 'application/json') {
    let data: unknown;
    try {
      data = JSON.parse(utf8.decode(body));
    } catch {
      return json(400, { error: 'invalid_json', message: 'the body is not valid UTF-8 JSON' });
    }
    const parsed = inboundJsonSchema.safeParse(data);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
      return json(400, { error: 'invalid_email', message: issues.join('; '), issues });
    }
    email = normalizeJson(parsed.data, body.byteLength);
  } else {
    return json(415, { error: 'unsupported_media_type', message: 'send application/json or message/rfc822' });
  }
  const result = await acceptInbound(deps, { ...email, channel: 'api' });
  return json(202, result);
}
