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

function answer(status: number, body: unknown): InboundAnswer {
  return { status, body };
}

/** This process's database, Temporal client, configuration and hand-off (signals after the answer). */
function processDeps(): IntakeDeps {
  return { db: getDb(), getClient: getTemporalClient, config: env(), handOff: processHandOff() };
}

/**
 * What the handler needs of a request: fetch's Request (the app route, tests) or Node's own
 * (lib/web/direct/node-inbound.ts, which spares web intake the Request and Response objects).
 */
export interface InboundRequest {
  /** A header's value (several joined with ", "), by lower-case name. */
  header(name: string): string | null;
  /** The body's exact bytes, refused with BodyTooLargeError past `maxBytes`. */
  readBody(maxBytes: number): Promise<Uint8Array<ArrayBuffer>>;
  /** The body is not wanted (a refused sender): read nothing more of it. */
  discardBody(): Promise<void>;
}

export interface InboundAnswer {
  status: number;
  body: unknown;
}

export async function handleInboundRequest(request: Request, deps: IntakeDeps = processDeps()): Promise<Response> {
  const answer = await answerInbound(
    {
      header: (name) => request.headers.get(name),
      readBody: (maxBytes) => readLimitedBody(request, maxBytes),
      discardBody: async () => {
        await request.body?.cancel().catch(() => undefined);
      },
    },
    deps,
  );
  return Response.json(answer.body, { status: answer.status });
}

/** One intake request's answer, however it arrived: the statuses and bodies both ways give. */
export async function answerInbound(request: InboundRequest, deps: IntakeDeps = processDeps()): Promise<InboundAnswer> {
  const secret = deps.config.INBOUND_SECRET;
  if (!secret) return answer(503, { error: 'intake_disabled', message: 'INBOUND_SECRET is not configured' });
  // Credentials first: a stranger's body is never read, however large it claims to be.
  const credentials = checkSenderCredentials(request, secret);
  if (credentials.kind === 'refused') {
    await request.discardBody();
    return answer(401, { error: 'unauthorized', message: credentials.reason });
  }
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await request.readBody(deps.config.INBOUND_MAX_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return answer(413, { error: 'too_large', message: error.message });
    throw error;
  }
  // The signature covers the bytes exactly as sent, before any decoding.
  if (credentials.kind === 'signed' && !credentials.verify(body)) return answer(401, { error: 'unauthorized', message: 'invalid signature' });

  const contentType = (request.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  let email: InboundEmail;
  if (contentType === 'message/rfc822') {
    if (body.byteLength === 0) return answer(400, { error: 'invalid_email', message: 'empty message/rfc822 body' });
    email = await parseRawEmail(body);
  } else if (contentType === 'application/json') {
    let data: unknown;
    try {
      data = JSON.parse(utf8.decode(body));
    } catch {
      return answer(400, { error: 'invalid_json', message: 'the body is not valid UTF-8 JSON' });
    }
    const parsed = inboundJsonSchema.safeParse(data);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
      return answer(400, { error: 'invalid_email', message: issues.join('; '), issues });
    }
    email = normalizeJson(parsed.data, body.byteLength);
  } else {
    return answer(415, { error: 'unsupported_media_type', message: 'send application/json or message/rfc822' });
  }
  const result = await acceptInbound(deps, { ...email, channel: 'api' });
  return answer(202, result);
}
