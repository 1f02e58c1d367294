import { acceptInbound } from '../../accept-inbound';
import { json, readWebhookBody, sameSecret } from '../webhooks/webhook-response';
import { processWebhookDeps, type WebhookDeps } from '../webhooks/webhook-deps';
import { postmarkInboundSchema } from './postmark-payload';
import { postmarkToInbound } from './postmark-to-inbound';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * POST /api/inbound/postmark. Postmark signs nothing: the webhook URL carries basic-auth
 * credentials (https://user:password@…/api/inbound/postmark), checked in constant time before
 * the body is read. 200 only after the message is stored; a 5xx makes Postmark retry (ten
 * times over hours), a 403 would stop it, so refusals of a well-authenticated request are rare.
 */
export async function handlePostmarkInbound(request: Request, deps: WebhookDeps = processWebhookDeps()): Promise<Response> {
  const { POSTMARK_INBOUND_USER: user, POSTMARK_INBOUND_PASSWORD: password } = deps.config;
  if (!user || !password) return json(503, { error: 'channel_disabled', message: 'Set POSTMARK_INBOUND_USER and POSTMARK_INBOUND_PASSWORD to receive Postmark webhooks' });
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  if (!sameSecret(request.headers.get('authorization') ?? '', expected)) {
    await request.body?.cancel().catch(() => undefined);
    return json(401, { error: 'unauthorized', message: 'wrong or missing basic-auth credentials' });
  }
  const read = await readWebhookBody(request, deps.config.INBOUND_MAX_BYTES);
  if ('refused' in read) return read.refused;
  const { body } = read;
  let data: unknown;
  try {
    data = JSON.parse(utf8.decode(body));
  } catch {
    return json(400, { error: 'invalid_json', message: 'the body is not valid UTF-8 JSON' });
  }
  const parsed = postmarkInboundSchema.safeParse(data);
  if (!parsed.success) return json(400, { error: 'invalid_payload', message: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') });
  const result = await acceptInbound(deps, await postmarkToInbound(parsed.data, body.byteLength));
  return json(200, result);
}
