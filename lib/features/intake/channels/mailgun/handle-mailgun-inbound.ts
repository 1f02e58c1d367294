import { acceptInbound } from '../../accept-inbound';
import { forgetReplayKey, recordReplayKey } from '../webhooks/record-replay-key';
import { processWebhookDeps, type WebhookDeps } from '../webhooks/webhook-deps';
import { json, readWebhookBody } from '../webhooks/webhook-response';
import { mailgunToInbound } from './mailgun-to-inbound';
import { verifyMailgunSignature } from './verify-mailgun-signature';

/**
 * POST /api/inbound/mailgun (and /api/inbound/mailgun/mime for raw MIME). Mailgun puts its
 * signature in the form itself, so the body (size-limited) is read first; then the HMAC of
 * timestamp + token, a fresh timestamp and an unused token. A missing or wrong signature is a
 * 401, which Mailgun retries for 8 hours (time to fix a mistyped key without losing mail); a
 * replayed token is a 406, which it never retries; 200 only once stored.
 */
export async function handleMailgunInbound(request: Request, deps: WebhookDeps = processWebhookDeps()): Promise<Response> {
  const signingKey = deps.config.MAILGUN_SIGNING_KEY;
  if (!signingKey) return json(503, { error: 'channel_disabled', message: 'Set MAILGUN_SIGNING_KEY to receive Mailgun routes' });
  const read = await readWebhookBody(request, deps.config.INBOUND_MAX_BYTES);
  if ('refused' in read) return read.refused;
  const { body } = read;
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    return json(401, { error: 'unauthorized', message: 'expected a signed form post as Mailgun routes send it' });
  }
  const field = (name: string) => {
    const value = form.getAll(name).at(-1);
    return typeof value === 'string' ? value : '';
  };
  const token = field('token');
  const refused = verifyMailgunSignature({ signingKey, timestamp: field('timestamp'), token, signature: field('signature'), now: deps.now?.() ?? Date.now() });
  if (refused) return json(401, { error: 'unauthorized', message: refused });
  const replayKey = `mailgun:${token}`;
  if (!(await recordReplayKey(replayKey, deps.db))) return json(406, { error: 'replayed', message: 'this signature was already used' });
  try {
    const result = await acceptInbound(deps, await mailgunToInbound(form, body.byteLength));
    return json(200, result);
  } catch (error) {
    await forgetReplayKey(replayKey, deps.db).catch(() => undefined);
    throw error;
  }
}
