import { acceptInbound } from '../../accept-inbound';
import { processWebhookDeps, type WebhookDeps } from '../webhooks/webhook-deps';
import { json, readWebhookBody, sameSecret } from '../webhooks/webhook-response';
import { sendgridToInbound } from './sendgrid-to-inbound';
import { SENDGRID_SIGNATURE_HEADER, SENDGRID_TIMESTAMP_HEADER, sendgridPublicKey, verifySendgridSignature } from './verify-sendgrid-signature';

/**
 * POST /api/inbound/sendgrid. With SENDGRID_PARSE_PUBLIC_KEY (a security policy with signature
 * verification attached to the Parse setting) every request must carry a valid, fresh
 * signature over its exact bytes; with SENDGRID_PARSE_TOKEN the URL must carry `?token=`
 * (SendGrid cannot send credentials otherwise). Both may be set. 2xx only once stored; a 5xx
 * makes SendGrid retry for up to three days.
 */
export async function handleSendgridInbound(request: Request, deps: WebhookDeps = processWebhookDeps()): Promise<Response> {
  const { SENDGRID_PARSE_PUBLIC_KEY: publicKey, SENDGRID_PARSE_TOKEN: token } = deps.config;
  if (!publicKey && !token) return json(503, { error: 'channel_disabled', message: 'Set SENDGRID_PARSE_PUBLIC_KEY or SENDGRID_PARSE_TOKEN to receive SendGrid Inbound Parse' });
  if (token && !sameSecret(new URL(request.url).searchParams.get('token') ?? '', token)) {
    await request.body?.cancel().catch(() => undefined);
    return json(401, { error: 'unauthorized', message: 'wrong or missing token' });
  }
  const signature = request.headers.get(SENDGRID_SIGNATURE_HEADER);
  const timestamp = request.headers.get(SENDGRID_TIMESTAMP_HEADER);
  const now = deps.now?.() ?? Date.now();
  if (publicKey && (!signature || !timestamp || !/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp) * 1000) > 5 * 60_000)) {
    // Refused from the headers alone: a stranger's body is never read.
    await request.body?.cancel().catch(() => undefined);
    return json(401, { error: 'unauthorized', message: signature && timestamp ? 'timestamp outside the allowed window' : 'missing signature headers (is the security policy attached to this Parse setting?)' });
  }
  const read = await readWebhookBody(request, deps.config.INBOUND_MAX_BYTES);
  if ('refused' in read) return read.refused;
  const { body } = read;
  if (publicKey) {
    const refused = verifySendgridSignature({ key: sendgridPublicKey(publicKey), body, signature, timestamp, now });
    if (refused) return json(401, { error: 'unauthorized', message: refused });
  }
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    return json(400, { error: 'invalid_form', message: 'expected multipart/form-data as Inbound Parse posts it' });
  }
  const result = await acceptInbound(deps, await sendgridToInbound(form, body.byteLength));
  return json(200, result);
}
